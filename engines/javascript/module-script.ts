/**
 * A spell written as a module (`export default value`, `export const x`) turned into a script a session can
 * run, so its top-level declarations stay as globals for the REPL's entries (a module's would stay private).
 *
 * - `export default EXPR` becomes an assignment to {@link DEFAULT_EXPORT_KEY} on `globalThis`, which the session
 *   reads as the run's value;
 * - `export` before a declaration is dropped; `export { a, b }` lists are dropped (their names are globals now);
 * - a spell with `import` or `export … from` stays a module (null): its globals are not kept.
 * Every change keeps line and column numbers of the rest (errors point at the same places), and acorn parses
 * the source (a source acorn cannot parse is returned unchanged, so QuickJS reports its syntax error).
 */
import { parse, type Node } from "acorn";
import { DEFAULT_EXPORT_KEY } from "./module-script-key";

interface Edit {
  start: number;
  end: number;
  text: string;
}

interface ModuleNode extends Node {
  declaration?: (Node & { id?: Node | null }) | null;
  source?: Node | null;
}

export function moduleToScript(source: string): string | null {
  let program: { body: ModuleNode[] };
  try {
    program = parse(source, {
      ecmaVersion: "latest",
      sourceType: "module",
      allowReturnOutsideFunction: true,
      allowAwaitOutsideFunction: true,
    }) as unknown as { body: ModuleNode[] };
  } catch {
    return source;
  }
  const edits: Edit[] = [];
  for (const node of program.body) {
    switch (node.type) {
      case "ImportDeclaration":
      case "ExportAllDeclaration":
        return null;
      case "ExportNamedDeclaration":
        if (node.source) return null;
        if (node.declaration) edits.push({ start: node.start, end: node.declaration.start, text: "" });
        else
          edits.push({ start: node.start, end: node.end, text: blankKeepingLines(source.slice(node.start, node.end)) });
        break;
      case "ExportDefaultDeclaration":
        edits.push({
          start: node.start,
          end: node.declaration!.start,
          text: `globalThis[Symbol.for(${JSON.stringify(DEFAULT_EXPORT_KEY)})] = `,
        });
        break;
    }
  }
  let out = source;
  for (const edit of edits.reverse()) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

function blankKeepingLines(text: string): string {
  return text.replace(/[^\n]/g, " ");
}
