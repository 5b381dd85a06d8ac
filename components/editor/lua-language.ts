/**
 * Adapts the Lua completions and hovers (lua-completions.ts) to Monaco. The API reference and the tool list are
 * loaded lazily the first time they are needed, so they never weigh on the page before the editor.
 */
import type * as MonacoNs from "monaco-editor";
import {
  computeLuaSuggestions,
  indexReference,
  luaHover,
  type LuaSuggestion,
  type ReferenceIndex,
} from "./lua-completions";

type Monaco = typeof MonacoNs;

let indexPromise: Promise<{ index: ReferenceIndex; toolNames: string[] }> | null = null;

function loadSources(): Promise<{ index: ReferenceIndex; toolNames: string[] }> {
  indexPromise ??= import("./spell-api-sources").then(async (m) => ({
    index: indexReference(await m.loadSpellApiReference()),
    toolNames: await m.loadToolNames(),
  }));
  return indexPromise;
}

export function registerLuaLanguageFeatures(monaco: Monaco): void {
  const kindOf = (k: LuaSuggestion["kind"]) => {
    const K = monaco.languages.CompletionItemKind;
    switch (k) {
      case "global":
        return K.Module;
      case "function":
        return K.Function;
      case "method":
        return K.Method;
      case "keyword":
        return K.Keyword;
      case "tool":
        return K.Value;
      case "hook":
        return K.EnumMember;
      case "value":
        return K.Constant;
    }
  };

  monaco.languages.registerCompletionItemProvider("lua", {
    triggerCharacters: [".", ":", '"', "'"],
    async provideCompletionItems(model, position) {
      const { index, toolNames } = await loadSources();
      const textBefore = model.getValueInRange({
        startLineNumber: 1,
        startColumn: 1,
        endLineNumber: position.lineNumber,
        endColumn: position.column,
      });
      const { context, items } = computeLuaSuggestions(index, textBefore, toolNames);
      const prefix = context.prefix;
      const range = {
        startLineNumber: position.lineNumber,
        endLineNumber: position.lineNumber,
        startColumn: position.column - prefix.length,
        endColumn: position.column,
      };
      return {
        suggestions: items.map((item, i) => ({
          label: item.label,
          kind: kindOf(item.kind),
          detail: item.detail,
          documentation: item.documentation ? { value: item.documentation } : undefined,
          insertText: item.insertText ?? item.label,
          range,
          // Spell API entries first, then Lua's own words.
          sortText: `${item.kind === "keyword" ? "2" : item.detail === "Lua" ? "1" : "0"}${String(i).padStart(4, "0")}`,
        })),
      };
    },
  });

  monaco.languages.registerHoverProvider("lua", {
    async provideHover(model, position) {
      const word = model.getWordAtPosition(position);
      if (!word) return null;
      const { index } = await loadSources();
      const text = model.getValueInRange({
        startLineNumber: 1,
        startColumn: 1,
        endLineNumber: position.lineNumber,
        endColumn: word.endColumn,
      });
      const lineStartOffset = text.length - (word.endColumn - 1);
      const hover = luaHover(index, text, lineStartOffset + word.startColumn - 1, lineStartOffset + word.endColumn - 1);
      if (!hover) return null;
      return {
        range: {
          startLineNumber: position.lineNumber,
          endLineNumber: position.lineNumber,
          startColumn: word.startColumn,
          endColumn: word.endColumn,
        },
        contents: [{ value: "```lua\n" + hover.title + "\n```" }, { value: hover.body }],
      };
    },
  });
}
