"use client";
/** One check in the authoring form: the fields of its kind, message, hint, language, and "use the last run". */
import { useState } from "react";
import type { JsonValue } from "@/lib/core/json";
import { checkSchema, type Check } from "@/lib/lesson/checks";
import type { RunOutcome } from "@/lib/lesson/outcome";
import { suggestCheck } from "@/lib/lesson/suggest";

interface CheckFormProps {
  check: Check;
  lastRun: RunOutcome | null;
  onChange(check: Check): void;
  onRemove(): void;
}

const field = "input h-8 w-full min-w-0 text-sm";

/** A JSON field: edited as text, passed on only when it parses. */
function JsonField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: JsonValue | undefined;
  onChange(v: JsonValue | undefined): void;
}) {
  const [text, setText] = useState(value === undefined ? "" : JSON.stringify(value));
  const [bad, setBad] = useState(false);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(value === undefined ? "" : JSON.stringify(value));
    setBad(false);
  }
  return (
    <label className="flex flex-col gap-1 text-xs">
      {label} (JSON)
      <input
        className={`${field} font-mono ${bad ? "border-red-500" : ""}`}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value.trim() === "") {
            setBad(false);
            onChange(undefined);
            return;
          }
          try {
            const v = JSON.parse(e.target.value) as JsonValue;
            setBad(false);
            setShown(v);
            onChange(v);
          } catch {
            setBad(true);
          }
        }}
      />
      {bad && <span className="text-red-600">not JSON yet</span>}
    </label>
  );
}

function TextField({
  label,
  value,
  onChange,
  placeholder,
}: {
  label: string;
  value: string | undefined;
  onChange(v: string | undefined): void;
  placeholder?: string;
}) {
  return (
    <label className="flex flex-col gap-1 text-xs">
      {label}
      <input
        className={field}
        value={value ?? ""}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)}
      />
    </label>
  );
}

export function CheckForm({ check, lastRun, onChange, onRemove }: CheckFormProps) {
  const [note, setNote] = useState<string | null>(null);
  const set = (patch: Record<string, unknown>) => {
    const next = { ...check, ...patch } as Record<string, unknown>;
    for (const k of Object.keys(patch)) if (patch[k] === undefined) delete next[k];
    onChange(next as Check);
  };
  const problem = checkSchema.safeParse(check);
  const useLastRun = () => {
    if (!lastRun) return setNote("Run the solution first.");
    const s = suggestCheck(check.kind, lastRun);
    if ("problem" in s) return setNote(`Nothing to take: ${s.problem}.`);
    setNote(null);
    set(s);
  };
  return (
    <div
      className="space-y-2 rounded-md border border-zinc-200 p-2 dark:border-zinc-700"
      data-testid="check-form"
      data-kind={check.kind}
    >
      <div className="flex items-center gap-2">
        <span className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs dark:bg-zinc-800">{check.kind}</span>
        <button type="button" className="btn ml-auto h-7 px-2 text-xs" onClick={useLastRun} data-testid="use-last-run">
          Use the last run
        </button>
        <button type="button" className="btn h-7 px-2 text-xs" onClick={onRemove} aria-label="Remove this check">
          ✕
        </button>
      </div>
      <div className="grid gap-2 sm:grid-cols-2">
        {(check.kind === "output-contains" || check.kind === "source-contains" || check.kind === "source-avoids") && (
          <TextField
            label={check.kind.startsWith("source") ? "Code" : "Text"}
            value={check.text}
            onChange={(v) => set({ text: v ?? "" })}
          />
        )}
        {check.kind === "output-matches" && (
          <>
            <TextField label="Regular expression" value={check.pattern} onChange={(v) => set({ pattern: v ?? "" })} />
            <TextField label="Flags (i, m, s, u)" value={check.flags} onChange={(v) => set({ flags: v })} />
          </>
        )}
        {check.kind === "value-equals" && (
          <JsonField label="Value" value={check.value as JsonValue} onChange={(v) => set({ value: v ?? null })} />
        )}
        {check.kind === "value-shape" && (
          <JsonField label="Shape" value={check.shape as JsonValue} onChange={(v) => set({ shape: v ?? "any" })} />
        )}
        {check.kind === "tool-called" && (
          <>
            <TextField label="Tool" value={check.tool} onChange={(v) => set({ tool: v ?? "" })} />
            <JsonField
              label="Params holding"
              value={check.params as JsonValue | undefined}
              onChange={(v) => set({ params: v })}
            />
          </>
        )}
        {check.kind === "agent-called" && (
          <>
            <TextField label="Agent (any when empty)" value={check.agent} onChange={(v) => set({ agent: v })} />
            <TextField
              label="System prompt contains"
              value={check.systemPromptContains}
              onChange={(v) => set({ systemPromptContains: v })}
            />
          </>
        )}
        {(check.kind === "tool-called" || check.kind === "agent-called") && (
          <TextField
            label="Times (at least once when empty)"
            value={check.times === undefined ? undefined : String(check.times)}
            onChange={(v) => set({ times: v === undefined || Number.isNaN(Number(v)) ? undefined : Number(v) })}
          />
        )}
        {check.kind === "workflow-succeeded" && (
          <TextField label="Workflow (any when empty)" value={check.workflow} onChange={(v) => set({ workflow: v })} />
        )}
        {check.kind === "run-failed" && (
          <TextField
            label="Error kind (any when empty)"
            value={check.errorKind}
            onChange={(v) => set({ errorKind: v })}
            placeholder="not_found"
          />
        )}
        <TextField
          label="Message shown when it fails"
          value={check.message}
          onChange={(v) => set({ message: v ?? "" })}
        />
        <TextField label="Hint (optional)" value={check.hint} onChange={(v) => set({ hint: v })} />
        <label className="flex flex-col gap-1 text-xs">
          Language
          <select
            className={field}
            value={check.language ?? ""}
            onChange={(e) => set({ language: e.target.value === "" ? undefined : e.target.value })}
          >
            <option value="">both</option>
            <option value="lua">Lua only</option>
            <option value="javascript">JavaScript only</option>
          </select>
        </label>
      </div>
      {note && <p className="text-xs text-amber-700 dark:text-amber-300">{note}</p>}
      {!problem.success && (
        <p className="text-xs text-red-600" role="status">
          {problem.error.issues[0]?.path.join(".")}: {problem.error.issues[0]?.message}
        </p>
      )}
    </div>
  );
}
