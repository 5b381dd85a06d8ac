"use client";
/** The model picker (from /api/models) and the "mock every model" switch. */
import { useEffect, useId, useState } from "react";
import { FALLBACK_MODELS, fetchModels, withBroughtKey, type ModelsInfo } from "@/lib/store/models";

export interface ModelPickerProps {
  model: string;
  mockAll: boolean;
  onModel(model: string): void;
  onMockAll(on: boolean): void;
  /** "inline" (default): one compact row for the header; "stacked": full-width picker, labelled switch below. */
  layout?: "inline" | "stacked";
  /** A key is brought in Settings: OpenAI's models can be picked even if the server has no key. */
  hasKey?: boolean;
}

export function ModelPicker({
  model,
  mockAll,
  onModel,
  onMockAll,
  layout = "inline",
  hasKey = false,
}: ModelPickerProps) {
  const id = useId();
  const stacked = layout === "stacked";
  const [fetched, setInfo] = useState<ModelsInfo>(FALLBACK_MODELS);
  const info = withBroughtKey(fetched, hasKey);
  useEffect(() => {
    const ctl = new AbortController();
    fetchModels(fetch, ctl.signal).then(setInfo, () => undefined);
    return () => ctl.abort();
  }, []);
  const known = info.providers.some((p) => p.models.some((m) => m.id === model));
  return (
    <div className={stacked ? "flex flex-col items-stretch gap-1.5" : "flex items-center gap-2"}>
      <label htmlFor={id} className={stacked ? "text-xs font-medium text-zinc-500 dark:text-zinc-400" : "sr-only"}>
        Default model
      </label>
      <select
        id={id}
        value={model}
        onChange={(e) => onModel(e.target.value)}
        className={`input h-8 text-xs ${stacked ? "w-full" : "max-w-[9rem] 2xl:max-w-[13rem]"}`}
        title={info.problem ?? "The model used by agents that name none"}
      >
        {!known && <option value={model}>{model}</option>}
        {info.providers.map((p) => (
          <optgroup key={p.name} label={p.available ? p.name : `${p.name} (${p.reason ?? "unavailable"})`}>
            {p.models.map((m) => (
              // The header's picker is narrow: it shows the id (short, and what a spell writes); the label is its title.
              <option key={m.id} value={m.id} disabled={!p.available && !mockAll} title={m.label ?? m.id}>
                {stacked ? (m.label ?? m.id) : m.id}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <button
        type="button"
        role="switch"
        aria-checked={mockAll}
        onClick={() => onMockAll(!mockAll)}
        className="group flex items-center gap-1.5 rounded-md px-1 py-1 text-xs text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"
        title="Send every model call to the mock provider (no key needed): for demos and teaching"
      >
        <span
          className={`relative inline-flex h-4 w-7 items-center rounded-full transition-colors ${mockAll ? "bg-violet-600" : "bg-zinc-300 dark:bg-zinc-700"}`}
          aria-hidden="true"
        >
          <span
            className={`inline-block h-3 w-3 rounded-full bg-white shadow transition-transform ${mockAll ? "translate-x-3.5" : "translate-x-0.5"}`}
          />
        </span>
        {/* Visible at every width: the short form where the header is tight, the whole label where it fits. */}
        <span className="whitespace-nowrap">
          {stacked ? (
            "Mock every model"
          ) : (
            <>
              Mock<span className="max-2xl:sr-only"> every model</span>
            </>
          )}
        </span>
      </button>
    </div>
  );
}
