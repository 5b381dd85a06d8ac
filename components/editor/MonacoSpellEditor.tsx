"use client";
/** Monaco, set up from the local bundle (see monaco-setup.ts). Loaded only through SpellEditor's lazy import. */
import Editor, { type OnMount } from "@monaco-editor/react";
import { useEffect, useRef, useState } from "react";
import type * as MonacoNs from "monaco-editor";
import type { Diagnostic } from "@/lib/check";
import { toTypeDiagnostics } from "@/lib/check/type-check";
import { setupMonaco } from "./monaco-setup";
import type { SpellEditorProps } from "./types";

const monaco = setupMonaco();

/** The checker's diagnostics per model, read by the quick-fix provider. */
const checked = new WeakMap<MonacoNs.editor.ITextModel, Diagnostic[]>();

const SEVERITY = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
} as const;

/** Quick fixes (the light bulb, Ctrl+.) from the fixes the checker attached to its diagnostics. */
const quickFixes: MonacoNs.languages.CodeActionProvider = {
  provideCodeActions(model, range) {
    const actions: MonacoNs.languages.CodeAction[] = [];
    for (const d of checked.get(model) ?? []) {
      if (!d.fix || d.endLine < range.startLineNumber || d.line > range.endLineNumber) continue;
      actions.push({
        title: d.fix.title,
        kind: "quickfix",
        isPreferred: true,
        diagnostics: [toMarker(d)],
        edit: {
          edits: d.fix.edits.map((e) => ({
            resource: model.uri,
            versionId: model.getVersionId(),
            textEdit: {
              range: new monaco.Range(e.range.line, e.range.column, e.range.endLine, e.range.endColumn),
              text: e.text,
            },
          })),
        },
      });
    }
    return { actions, dispose() {} };
  },
};
monaco.languages.registerCodeActionProvider("lua", quickFixes);
monaco.languages.registerCodeActionProvider("javascript", quickFixes);

function toMarker(d: Diagnostic): MonacoNs.editor.IMarkerData {
  return {
    severity: SEVERITY[d.severity],
    message: d.message,
    code: d.rule,
    source: "llmspell check",
    startLineNumber: d.line,
    startColumn: d.column,
    endLineNumber: d.endLine,
    endColumn: Math.max(d.endColumn, d.line === d.endLine ? d.column + 1 : d.endColumn),
  };
}

/** As the checker's debounce (use-spell-diagnostics.ts): after the last keystroke. */
const TYPE_CHECK_DELAY_MS = 250;

const MODEL_PATHS = { lua: "file:///spell.lua", javascript: "file:///spell.js" } as const;

export default function MonacoSpellEditor({
  language,
  value,
  onChange,
  readOnly,
  errorMarker,
  fontSize = 14,
  theme = "light",
  vim = false,
  ariaLabel,
  focusLine,
  diagnostics,
  onMounted,
  onTypeDiagnostics,
}: SpellEditorProps & {
  onMounted?(): void;
  /** TypeScript's semantic checks of a JavaScript spell, after each pause in typing (SpellEditor merges them). */
  onTypeDiagnostics?(diagnostics: Diagnostic[]): void;
}) {
  const [editor, setEditor] = useState<MonacoNs.editor.IStandaloneCodeEditor | null>(null);
  const vimStatusRef = useRef<HTMLDivElement>(null);

  const onMount: OnMount = (ed) => {
    setEditor(ed);
    onMounted?.();
  };

  // The last run's error as a marker on its line (cleared when there is none).
  useEffect(() => {
    const model = editor?.getModel();
    if (!model) return;
    const markers: MonacoNs.editor.IMarkerData[] = [];
    if (errorMarker && errorMarker.line >= 1 && errorMarker.line <= model.getLineCount()) {
      const line = errorMarker.line;
      const startColumn = errorMarker.column ?? model.getLineFirstNonWhitespaceColumn(line) ?? 1;
      markers.push({
        severity: monaco.MarkerSeverity.Error,
        message: errorMarker.message,
        startLineNumber: line,
        endLineNumber: line,
        startColumn: Math.max(1, startColumn),
        endColumn: Math.max(startColumn + 1, model.getLineMaxColumn(line)),
        source: "spell",
      });
    }
    monaco.editor.setModelMarkers(model, "spell-run", markers);
  }, [editor, errorMarker, language]);

  // The checker's diagnostics as markers of their own owner, so a run's error marker never replaces them.
  useEffect(() => {
    const model = editor?.getModel();
    if (!model) return;
    checked.set(model, diagnostics ?? []);
    monaco.editor.setModelMarkers(model, "spell-check", (diagnostics ?? []).map(toMarker));
  }, [editor, diagnostics, language]);

  // TypeScript's semantic diagnostics (checkJs against the spell API's .d.ts), asked of Monaco's worker once typing
  // pauses; an answer for an older version of the text is dropped.
  useEffect(() => {
    const model = editor?.getModel();
    if (!model || !onTypeDiagnostics) return;
    if (language !== "javascript") {
      onTypeDiagnostics([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      const version = model.getVersionId();
      void (async () => {
        const getWorker = await monaco.typescript.getJavaScriptWorker();
        const worker = await getWorker(model.uri);
        const raw = await worker.getSemanticDiagnostics(model.uri.toString());
        if (!current || model.isDisposed() || model.getVersionId() !== version) return;
        onTypeDiagnostics(
          toTypeDiagnostics(raw, (offset) => {
            const p = model.getPositionAt(offset);
            return { line: p.lineNumber, column: p.column };
          }),
        );
      })().catch(() => undefined); // no worker: the checker's diagnostics alone
    }, TYPE_CHECK_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [editor, value, language, onTypeDiagnostics]);

  useEffect(() => {
    if (!editor || !focusLine) return;
    editor.revealLineInCenter(focusLine.line);
    editor.setPosition({ lineNumber: focusLine.line, column: 1 });
    editor.focus();
  }, [editor, focusLine]);

  // Vim keybindings through monaco-vim, loaded only when turned on.
  useEffect(() => {
    if (!editor || !vim || !vimStatusRef.current) return;
    let disposed = false;
    let mode: { dispose(): void } | null = null;
    import("./vendor/monaco-vim.mjs").then(({ initVimMode }) => {
      if (!disposed) mode = initVimMode(editor, vimStatusRef.current);
    });
    return () => {
      disposed = true;
      mode?.dispose();
    };
  }, [editor, vim]);

  return (
    <div className="flex h-full w-full flex-col" data-editor-ready={editor ? "true" : "false"}>
      <div className="min-h-0 flex-1">
        <Editor
          path={MODEL_PATHS[language]}
          language={language}
          value={value}
          onChange={(v) => onChange(v ?? "")}
          onMount={onMount}
          theme={theme === "dark" ? "spell-dark" : "spell-light"}
          loading={null}
          keepCurrentModel
          options={{
            readOnly,
            fontSize,
            fontFamily: "var(--font-mono), ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
            fontLigatures: false,
            minimap: { enabled: false },
            scrollBeyondLastLine: false,
            automaticLayout: true,
            tabSize: 2,
            renderLineHighlight: "line",
            padding: { top: 12, bottom: 12 },
            smoothScrolling: true,
            ariaLabel: ariaLabel ?? `${language === "lua" ? "Lua" : "JavaScript"} spell editor`,
            fixedOverflowWidgets: true,
            quickSuggestions: { other: true, comments: false, strings: true },
            suggestOnTriggerCharacters: true,
            wordBasedSuggestions: "off",
            scrollbar: { horizontalScrollbarSize: 8, verticalScrollbarSize: 10, useShadows: false },
          }}
        />
      </div>
      {vim && (
        <div
          ref={vimStatusRef}
          className="border-t border-zinc-200 px-3 py-1 font-mono text-xs text-zinc-500 dark:text-zinc-400 dark:border-zinc-800"
          aria-live="polite"
        />
      )}
    </div>
  );
}
