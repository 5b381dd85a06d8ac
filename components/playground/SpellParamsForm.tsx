"use client";
/**
 * The parameters the current spell declares in its front matter, as a small form with a Run for those values.
 * lib/store/spell-params.ts reads and checks them; this only renders.
 */
import { useMemo, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { runWithParams } from "@/lib/store/playground-actions";
import type { PlaygroundStores } from "@/lib/store/playground";
import { spellParamsView } from "@/lib/store/spell-params";
import { useStore } from "./hooks";

export function SpellParamsForm({ stores }: { stores: PlaygroundStores }) {
  const { language, source, args } = useStore(
    stores.editor,
    useShallow((s) => ({ language: s.language, source: s.sources[s.language], args: s.args })),
  );
  const [edits, setEdits] = useState<{ [name: string]: string }>({});
  const base = useMemo(() => spellParamsView(language, source, args), [language, source, args]);
  const view = useMemo(
    () => spellParamsView(language, source, { ...base.values, ...edits }),
    [language, source, base.values, edits],
  );
  if (view.params.length === 0 && view.declarationErrors.length === 0) return null;
  return (
    <form
      className="flex shrink-0 flex-wrap items-end gap-2 border-b border-zinc-200 px-3 py-2 text-xs dark:border-zinc-800"
      aria-label="Spell parameters"
      data-testid="spell-params"
      onSubmit={(e) => {
        e.preventDefault();
        void runWithParams(stores, view.values);
        setEdits({});
      }}
    >
      {view.params.map((p) => (
        <label key={p.name} className="flex flex-col gap-0.5" title={p.description}>
          <span className="text-zinc-500 dark:text-zinc-400">
            {p.name} <span className="text-zinc-400">({p.type})</span>
            {p.required ? " *" : ""}
          </span>
          {p.type === "boolean" ? (
            <select
              className="input h-7 w-24"
              value={view.values[p.name]}
              onChange={(e) => setEdits({ ...edits, [p.name]: e.target.value })}
            >
              <option value="">{p.default !== undefined ? `default (${p.default})` : "—"}</option>
              <option value="true">true</option>
              <option value="false">false</option>
            </select>
          ) : (
            <input
              className="input h-7 w-40"
              inputMode={p.type === "string" ? "text" : "decimal"}
              value={view.values[p.name]}
              placeholder={p.description}
              onChange={(e) => setEdits({ ...edits, [p.name]: e.target.value })}
            />
          )}
        </label>
      ))}
      <button type="submit" className="btn h-7 px-2" disabled={view.errors.length > 0}>
        Run with these values
      </button>
      {[...view.declarationErrors, ...view.errors].map((e) => (
        <p key={e} className="w-full text-amber-700 dark:text-amber-300" role="alert">
          {e}
        </p>
      ))}
    </form>
  );
}
