"use client";
/**
 * The model settings beside the model picker: temperature, max tokens, top-p and seed for agents that set none
 * of their own (an agent's `:temperature(0.2)` wins; the trace's request view says which applied). A popover in
 * the header, inline fields in the phone menu. Values apply on Enter or leaving a field; one out of range is
 * clamped and the note says so.
 */
import { useDisclosure } from "@/components/ui/use-disclosure";
import { useId, useState } from "react";
import {
  SAMPLING_PARAM_BOUNDS,
  SAMPLING_PARAM_KEYS,
  describeModelParams,
  type SamplingParamKey,
} from "@/lib/llm/model-params";
import type { SamplingParams } from "@/lib/llm/types";
import { SlidersIcon } from "@/components/ui/icons";

export interface ModelSettingsProps {
  params: SamplingParams;
  /** Apply typed values (`null`: unset); returns a note for each value that was clamped or dropped. */
  onChange(input: { [K in SamplingParamKey]?: number | null }): string[];
  layout?: "inline" | "stacked";
}

const STEP: Record<SamplingParamKey, string> = { temperature: "0.1", maxTokens: "1", topP: "0.05", seed: "1" };
const HINT: Record<SamplingParamKey, string> = {
  temperature: "randomness",
  maxTokens: "reply length cap",
  topP: "nucleus sampling",
  seed: "repeatable sampling",
};

/** A short summary of what is set ("Model parameters: temperature 0.3, seed 7"), for the button's title. */
function summaryOf(params: SamplingParams): string {
  return `Model parameters: ${describeModelParams(params) || "provider defaults"}`;
}

export function ModelSettings({ params, onChange, layout = "inline" }: ModelSettingsProps) {
  const { open, setOpen, wrapper, toggle, panelId } = useDisclosure();
  const count = SAMPLING_PARAM_KEYS.filter((k) => params[k] !== undefined).length;

  if (layout === "stacked")
    return (
      <details className="text-xs">
        <summary className="cursor-pointer font-medium text-zinc-600 dark:text-zinc-300">
          Model parameters{count > 0 ? ` (${count} set)` : ""}
        </summary>
        <ModelSettingsFields params={params} onChange={onChange} />
      </details>
    );

  return (
    <div
      ref={wrapper}
      className="relative"
      onKeyDown={(e) => {
        if (e.key !== "Escape" || !open) return;
        e.stopPropagation();
        toggle.current?.focus();
        setOpen(false);
      }}
    >
      <button
        ref={toggle}
        type="button"
        className="icon-btn relative aria-expanded:bg-zinc-100 dark:aria-expanded:bg-zinc-800"
        // Not "... settings": the page's Settings button keeps that name to itself.
        aria-label="Model parameters"
        title={summaryOf(params)}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        data-testid="model-settings-button"
      >
        <SlidersIcon />
        {count > 0 && (
          <span
            className="absolute -right-0.5 -top-0.5 flex h-3.5 min-w-3.5 items-center justify-center rounded-full bg-violet-600 px-0.5 text-[9px] font-semibold text-white"
            aria-hidden="true"
          >
            {count}
          </span>
        )}
      </button>
      {open && (
        <div
          id={panelId}
          role="group"
          aria-label="Model parameters"
          className="absolute left-0 top-full z-50 mt-2 w-72 max-w-[calc(100vw-1.5rem)] rounded-lg border border-zinc-200 bg-white p-3 text-xs shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
          data-testid="model-settings"
        >
          <ModelSettingsFields params={params} onChange={onChange} />
        </div>
      )}
    </div>
  );
}

function ModelSettingsFields({ params, onChange }: Pick<ModelSettingsProps, "params" | "onChange">) {
  const id = useId();
  const [drafts, setDrafts] = useState<Record<SamplingParamKey, string>>(() => draftsOf(params));
  const [notes, setNotes] = useState<string[]>([]);
  // Follow the store (another tab, a reset) while no field is being edited.
  const [synced, setSynced] = useState(params);
  if (synced !== params) {
    setSynced(params);
    setDrafts(draftsOf(params));
  }

  const apply = (next: Record<SamplingParamKey, string>) => {
    const input: { [K in SamplingParamKey]?: number | null } = {};
    for (const k of SAMPLING_PARAM_KEYS) input[k] = next[k].trim() === "" ? null : Number(next[k]);
    setNotes(onChange(input));
  };

  return (
    <div className="space-y-2">
      <p className="text-zinc-500 dark:text-zinc-400">
        For agents that set none of their own; empty means the provider&apos;s default.
      </p>
      {SAMPLING_PARAM_KEYS.map((k) => {
        const b = SAMPLING_PARAM_BOUNDS[k];
        return (
          <div key={k} className="grid grid-cols-[7rem_1fr] items-center gap-2">
            <label htmlFor={`${id}-${k}`} className="font-medium text-zinc-700 dark:text-zinc-200">
              {b.label[0].toUpperCase() + b.label.slice(1)}
              <span className="block text-[10px] font-normal text-zinc-500 dark:text-zinc-400">{HINT[k]}</span>
            </label>
            <input
              id={`${id}-${k}`}
              type="number"
              inputMode={b.integer ? "numeric" : "decimal"}
              min={b.min}
              max={b.max}
              step={STEP[k]}
              placeholder={`${b.min}–${b.max}`}
              value={drafts[k]}
              onChange={(e) => setDrafts({ ...drafts, [k]: e.target.value })}
              onBlur={() => apply(drafts)}
              onKeyDown={(e) => {
                if (e.key === "Enter") apply(drafts);
              }}
              className="input h-8 w-full text-xs tabular-nums"
              data-testid={`model-setting-${k}`}
            />
          </div>
        );
      })}
      <div className="flex items-center justify-between gap-2">
        <button
          type="button"
          className="btn h-7 px-2 text-xs"
          onClick={() => {
            const empty = draftsOf({});
            setDrafts(empty);
            apply(empty);
          }}
        >
          Reset to defaults
        </button>
      </div>
      <div role="status" aria-live="polite" className="text-amber-700 dark:text-amber-300">
        {notes.map((n) => (
          <p key={n}>{n[0].toUpperCase() + n.slice(1)}.</p>
        ))}
      </div>
    </div>
  );
}

function draftsOf(params: SamplingParams): Record<SamplingParamKey, string> {
  const out = {} as Record<SamplingParamKey, string>;
  for (const k of SAMPLING_PARAM_KEYS) out[k] = params[k] === undefined ? "" : String(params[k]);
  return out;
}
