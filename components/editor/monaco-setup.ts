/**
 * Loads the locally bundled Monaco (never a CDN), wires its workers through `new URL(..., import.meta.url)`,
 * sets up the spell API's completions and hovers for Lua and JavaScript, and defines the editor themes.
 * Imported only from the lazily loaded editor chunk.
 */
import * as monaco from "monaco-editor";
import { loader } from "@monaco-editor/react";
import { registerLuaLanguageFeatures } from "./lua-language";

export type Monaco = typeof monaco;

declare global {
  interface Window {
    MonacoEnvironment?: monaco.Environment;
  }
}

let configured = false;

export function setupMonaco(): Monaco {
  if (configured) return monaco;
  configured = true;
  self.MonacoEnvironment = {
    getWorker(_workerId: string, label: string) {
      if (label === "typescript" || label === "javascript") {
        return new Worker(new URL("./ts.worker.ts", import.meta.url), { type: "module", name: "monaco-ts" });
      }
      return new Worker(new URL("./editor.worker.ts", import.meta.url), { type: "module", name: "monaco-editor" });
    },
  };
  loader.config({ monaco });
  ignoreMonacoCancellations();
  defineThemes();
  configureJavaScript();
  registerLuaLanguageFeatures(monaco);
  return monaco;
}

/**
 * Monaco rejects the promise of work it cancels (a quick-fix menu closed before it filled, a hover that moved on)
 * with an Error named and messaged "Canceled" (its `isCancellationError`, vs/base/common/errors), and some of those
 * promises have no handler inside Monaco, so the browser reports them as uncaught. They are not failures: the
 * page drops them (and only them), so the console and the e2e tests' uncaught-exception check see real errors.
 */
function ignoreMonacoCancellations(): void {
  window.addEventListener("unhandledrejection", (event) => {
    const reason: unknown = event.reason;
    if (reason instanceof Error && reason.name === "Canceled" && reason.message === "Canceled") event.preventDefault();
  });
}

function defineThemes(): void {
  monaco.editor.defineTheme("spell-light", {
    base: "vs",
    inherit: true,
    rules: [
      { token: "comment", foreground: "525866", fontStyle: "italic" },
      { token: "keyword", foreground: "7c3aed" },
      { token: "string", foreground: "047857" },
      { token: "number", foreground: "b45309" },
    ],
    colors: {
      "editor.background": "#ffffff",
      // Line numbers and comments keep 4.5:1 against the background and the current line's highlight (axe).
      "editorLineNumber.foreground": "#71717a",
      "editorLineNumber.dimmedForeground": "#71717a",
      "editorLineNumber.activeForeground": "#52525b",
      "editor.lineHighlightBackground": "#f4f4f5",
      "editorGutter.background": "#ffffff",
    },
  });
  monaco.editor.defineTheme("spell-dark", {
    base: "vs-dark",
    inherit: true,
    rules: [
      { token: "comment", foreground: "8b8b94", fontStyle: "italic" },
      { token: "keyword", foreground: "c4b5fd" },
      { token: "string", foreground: "6ee7b7" },
      { token: "number", foreground: "fcd34d" },
    ],
    colors: {
      "editor.background": "#0b0b0f",
      "editorLineNumber.foreground": "#85858e",
      "editorLineNumber.dimmedForeground": "#85858e",
      "editorLineNumber.activeForeground": "#d4d4d8",
      "editor.lineHighlightBackground": "#18181b",
      "editorGutter.background": "#0b0b0f",
    },
  });
}

function configureJavaScript(): void {
  const js = monaco.typescript.javascriptDefaults;
  js.setCompilerOptions({
    target: monaco.typescript.ScriptTarget.ESNext,
    module: monaco.typescript.ModuleKind.ESNext,
    allowNonTsExtensions: true,
    allowJs: true,
    // Semantic checks against the spell API's .d.ts; MonacoSpellEditor asks the worker for them and merges them
    // with the checker's (lib/check/type-check.ts), so the built-in marker adapter stays off for them.
    checkJs: true,
    // Plain JavaScript's leniency (no implicit-any or null checks): spells are scripts, not typed programs.
    strict: false,
    lib: ["esnext"],
    noLib: false,
  });
  // Top-level await is how spells wait; a spell is a module body even without an import or export.
  js.setDiagnosticsOptions({
    noSemanticValidation: true,
    noSyntaxValidation: false,
    diagnosticCodesToIgnore: [1375, 1378, 1108],
  });
  js.setEagerModelSync(true);
  // The spell API's declarations come from the one API definition (lib/spell), generated at load time.
  import("./spell-api-sources")
    .then((m) => m.loadSpellApiDts())
    .then((dts) => {
      js.addExtraLib(dts, "file:///spell-api.d.ts");
    })
    .catch((err: unknown) => {
      console.warn("Spell API declarations are not available for JavaScript completions", err);
    });
}
