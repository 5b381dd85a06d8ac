"use client";
/**
 * The prompt under the console: a transcript of entries and their values, and one input line. Enter runs the
 * entry (Shift+Enter adds a line), Up/Down walk the history, Tab completes from the spell API reference,
 * Escape cancels a running entry or drops an unfinished one. Everything it does is the REPL store's
 * (lib/store/repl.ts); this only renders it and maps keys.
 */
import { useEffect, useRef, useState } from "react";
import { useStore } from "zustand";
import type { ReplLine, ReplStore } from "@/lib/store/repl";

const LINE_STYLE: Record<ReplLine["kind"], string> = {
  input: "text-zinc-500 dark:text-zinc-400",
  value: "",
  log: "text-zinc-700 dark:text-zinc-300",
  error: "text-red-700 dark:text-red-300",
  info: "italic text-sky-700 dark:text-sky-300",
};

export function ReplPrompt({ store, language }: { store: ReplStore; language: string }) {
  const lines = useStore(store, (s) => s.lines);
  const busy = useStore(store, (s) => s.busy);
  const continuing = useStore(store, (s) => s.continuing);
  const [text, setText] = useState("");
  const [choices, setChoices] = useState<{ from: number; items: string[] } | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [lines]);

  const apply = (from: number, word: string) => {
    const at = input.current?.selectionStart ?? text.length;
    const next = text.slice(0, from) + word + text.slice(at);
    setText(next);
    setChoices(null);
    requestAnimationFrame(() => input.current?.setSelectionRange(from + word.length, from + word.length));
  };

  const onKeyDown = async (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    const { recall, submit, complete, cancel } = store.getState();
    const el = e.currentTarget;
    const oneLine = !text.includes("\n");
    if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      if (busy) return;
      const entry = text;
      setText("");
      setChoices(null);
      await submit(entry);
    } else if (e.key === "ArrowUp" && (oneLine || el.selectionStart === 0)) {
      e.preventDefault();
      setText(recall(-1, text));
    } else if (e.key === "ArrowDown" && (oneLine || el.selectionStart === text.length)) {
      e.preventDefault();
      setText(recall(1, text));
    } else if (e.key === "Tab") {
      e.preventDefault();
      const { from, items } = await complete(text, el.selectionStart);
      if (items.length === 1) apply(from, items[0]);
      else setChoices(items.length > 0 ? { from, items } : null);
    } else if (e.key === "Escape") {
      setChoices(null);
      cancel();
    }
  };

  return (
    <div className="flex max-h-[45%] min-h-0 flex-col border-t border-zinc-200 dark:border-zinc-800" data-testid="repl">
      {lines.length > 0 && (
        <div
          ref={scroller}
          className="min-h-0 flex-1 overflow-auto px-3 py-1 font-mono text-[13px] leading-relaxed"
          role="log"
          aria-label="Prompt output"
          data-testid="repl-output"
        >
          {lines.map((l) => (
            <div key={l.id} className={`whitespace-pre-wrap break-words ${LINE_STYLE[l.kind]}`} data-kind={l.kind}>
              {l.text}
            </div>
          ))}
        </div>
      )}
      {choices && (
        <div
          className="flex flex-wrap gap-1 px-3 py-1"
          role="listbox"
          aria-label="Completions"
          data-testid="repl-completions"
        >
          {choices.items.slice(0, 40).map((item) => (
            <button
              key={item}
              type="button"
              role="option"
              aria-selected={false}
              className="rounded bg-zinc-100 px-1.5 font-mono text-xs dark:bg-zinc-800"
              onClick={() => apply(choices.from, item)}
            >
              {item}
            </button>
          ))}
        </div>
      )}
      <div className="flex items-start gap-2 px-3 py-1.5 font-mono text-[13px]">
        <span className="select-none pt-0.5 text-violet-600 dark:text-violet-300" aria-hidden="true">
          {continuing ? "..." : language === "lua" ? "lua>" : "js>"}
        </span>
        <label className="sr-only" htmlFor="repl-input">
          Evaluate in the session ({language}); Enter runs, Shift+Enter adds a line, Up and Down recall history
        </label>
        <textarea
          id="repl-input"
          ref={input}
          rows={Math.min(6, text.split("\n").length)}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setChoices(null);
          }}
          onKeyDown={(e) => void onKeyDown(e)}
          spellCheck={false}
          autoComplete="off"
          placeholder={busy ? "running… (Esc cancels)" : "inspect the last run's globals, or try an expression"}
          aria-busy={busy}
          className="min-w-0 flex-1 resize-none bg-transparent outline-none placeholder:text-zinc-400"
          data-testid="repl-input"
        />
      </div>
    </div>
  );
}
