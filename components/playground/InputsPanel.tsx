"use client";
/**
 * The inputs panel: the spell's free-form ARGS as key/value rows (declared parameters are the form's), and the
 * matching CLI command with a copy button. lib/store/spell-inputs.ts decides what the rows make; this renders.
 */
import { useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { buildCliCommand } from "@/lib/store/cli-command";
import { copyCliCommand } from "@/lib/store/playground-actions";
import type { PlaygroundStores } from "@/lib/store/playground";
import { applyInputRows, inputRowsOf, type InputRow } from "@/lib/store/spell-inputs";
import { useStore } from "./hooks";

export function InputsPanel({ stores }: { stores: PlaygroundStores }) {
  const { language, source, args } = useStore(
    stores.editor,
    useShallow((s) => ({ language: s.language, source: s.sources[s.language], args: s.args })),
  );
  const settings = useStore(
    stores.settings,
    useShallow((s) => ({ model: s.model, mockAll: s.mockAll, sandbox: s.sandbox })),
  );
  // The rows as typed; they follow the editor's ARGS whenever those change from elsewhere (a link, an example).
  const [draft, setDraft] = useState(() => ({ rows: inputRowsOf(language, source, args), from: args }));
  if (draft.from !== args) setDraft({ rows: inputRowsOf(language, source, args), from: args });
  const { problems } = applyInputRows(language, source, args, draft.rows);
  const cli = buildCliCommand({ language, args, ...settings });

  const edit = (rows: InputRow[]) => {
    const applied = applyInputRows(language, source, args, rows);
    stores.editor.getState().setArgs(applied.args);
    setDraft({ rows, from: applied.args });
  };
  const setRow = (i: number, patch: Partial<InputRow>) =>
    edit(draft.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <section
      className="max-h-[40%] shrink-0 overflow-auto border-b border-zinc-200 px-3 py-2 text-xs dark:border-zinc-800"
      id="spell-inputs"
      aria-label="Spell inputs"
      data-testid="inputs-panel"
    >
      <p className="mb-1.5 text-zinc-500 dark:text-zinc-400">
        <code className="font-mono">ARGS</code> for this spell, kept in this browser and carried by share links.
      </p>
      <ul className="flex flex-col gap-1.5">
        {draft.rows.map((row, i) => (
          <li key={i} className="flex flex-col gap-0.5">
            <div className="flex items-center gap-1.5">
              <input
                className="input h-7 w-28 min-w-0 shrink font-mono"
                aria-label={`Name of input ${i + 1}`}
                placeholder="name"
                value={row.key}
                onChange={(e) => setRow(i, { key: e.target.value })}
              />
              <span aria-hidden="true">=</span>
              <input
                className="input h-7 min-w-0 flex-1 font-mono"
                aria-label={`Value of input ${i + 1}`}
                placeholder="value"
                value={row.value}
                onChange={(e) => setRow(i, { value: e.target.value })}
              />
              <button
                type="button"
                className="btn h-7 w-7 shrink-0 justify-center px-0"
                aria-label={`Remove input ${row.key || i + 1}`}
                title="Remove"
                onClick={() => edit(draft.rows.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </div>
            {problems[i] && (
              <p className="text-amber-700 dark:text-amber-300" role="alert">
                Not used: {problems[i]}.
              </p>
            )}
          </li>
        ))}
      </ul>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <button type="button" className="btn h-7 px-2" onClick={() => edit([...draft.rows, { key: "", value: "" }])}>
          + Add input
        </button>
        <button
          type="button"
          className="btn h-7 px-2"
          onClick={() => void copyCliCommand(stores, { writeText: (t) => navigator.clipboard.writeText(t) })}
        >
          Copy CLI command
        </button>
      </div>
      <pre
        className="mt-2 whitespace-pre-wrap break-all rounded bg-zinc-100 px-2 py-1 font-mono text-[11px] text-zinc-700 dark:bg-zinc-900 dark:text-zinc-300"
        data-testid="cli-command"
        title={`Run it beside the spell saved as ${cli.file}`}
      >
        {cli.command}
      </pre>
      {cli.skipped.length > 0 && (
        <p className="mt-1 text-amber-700 dark:text-amber-300">
          Not in the command (the CLI takes no &quot;=&quot; or spaces in a name): {cli.skipped.join(", ")}
        </p>
      )}
    </section>
  );
}
