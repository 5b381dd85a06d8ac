"use client";
/** The editor pane: the file name, the badge of the last run's error line, the inputs panel and the spell editor. */
import { useEffect, useMemo, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { SpellEditor } from "@/components/editor/SpellEditor";
import { fetchListedModelIds } from "@/lib/store/models";
import { inputRowsOf } from "@/lib/store/spell-inputs";
import type { PlaygroundStores } from "@/lib/store/playground";
import { errorMarkerFor } from "./error-marker";
import { useStore } from "./hooks";
import { editBreakpoint } from "./edit-breakpoint";
import { InputsPanel } from "./InputsPanel";
import { SpellParamsForm } from "./SpellParamsForm";

export function EditorPane({ stores, theme }: { stores: PlaygroundStores; theme: "light" | "dark" }) {
  const { editor, settings, run, ui, debug } = stores;
  const { language, source, args } = useStore(
    editor,
    useShallow((s) => ({ language: s.language, source: s.sources[s.language], args: s.args })),
  );
  const [inputsOpen, setInputsOpen] = useState(false);
  const inputCount = inputRowsOf(language, source, args).length;
  const { fontSize, keybindings, editorKind } = useStore(
    settings,
    useShallow((s) => ({ fontSize: s.fontSize, keybindings: s.keybindings, editorKind: s.editorKind })),
  );
  const { error, ran } = useStore(
    run,
    useShallow((s) => ({ error: s.view.error?.error, ran: s.lastRequest ?? undefined })),
  );
  const focusLine = useStore(ui, (s) => s.focusLine);
  const { breakpoints, paused } = useStore(
    debug,
    useShallow((s) => ({ breakpoints: s.breakpoints[language], paused: s.paused })),
  );
  const debugProps = useMemo(
    () => ({
      breakpoints: breakpoints ?? [],
      currentLine: paused?.line ?? null,
      onToggle: (line: number) => debug.getState().toggleBreakpoint(language, line),
      onEdit: (line: number) => editBreakpoint(debug.getState(), language, line),
      hover: (expression: string) => debug.getState().hover(expression),
    }),
    [breakpoints, paused, debug, language],
  );
  const errorMarker = useMemo(() => errorMarkerFor(error, ran, { language, source }), [error, ran, language, source]);
  const { revealLine } = ui.getState();
  // The server's models, for the checker's unknown-model warning (one stable list, set once it arrives).
  const [models, setModels] = useState<string[] | undefined>();
  useEffect(() => {
    let current = true;
    void fetchListedModelIds().then((ids) => {
      if (current && ids.length > 0) setModels(ids);
    });
    return () => {
      current = false;
    };
  }, []);

  return (
    <section className="flex h-full min-h-0 flex-col bg-white dark:bg-[#0b0b0f]" aria-label="Spell editor">
      <div className="flex h-9 shrink-0 items-center gap-2 border-b border-zinc-200 px-3 text-xs text-zinc-500 dark:text-zinc-400 dark:border-zinc-800">
        <span className="font-mono text-zinc-700 dark:text-zinc-300">spell.{language === "lua" ? "lua" : "js"}</span>
        {errorMarker && (
          <button
            type="button"
            className="rounded bg-red-100 px-1.5 py-0.5 font-medium text-red-700 dark:bg-red-500/15 dark:text-red-300"
            onClick={() => revealLine(errorMarker.line)}
          >
            error on line {errorMarker.line}
          </button>
        )}
        <span className="ml-auto hidden sm:inline">Saved in this browser</span>
        <button
          type="button"
          className="btn ml-auto h-6 px-2 text-xs sm:ml-0"
          aria-expanded={inputsOpen}
          aria-controls="spell-inputs"
          title="The spell's ARGS, and the CLI command that runs it"
          onClick={() => setInputsOpen(!inputsOpen)}
        >
          Inputs{inputCount > 0 ? ` (${inputCount})` : ""}
        </button>
      </div>
      {inputsOpen && <InputsPanel stores={stores} />}
      <SpellParamsForm stores={stores} />
      <div className="min-h-0 flex-1">
        <SpellEditor
          language={language}
          value={source}
          onChange={(v) => editor.getState().setSource(language, v)}
          errorMarker={errorMarker}
          fontSize={fontSize}
          theme={theme}
          vim={keybindings === "vim"}
          editorKind={editorKind}
          focusLine={focusLine}
          models={models}
          debug={debugProps}
        />
      </div>
    </section>
  );
}
