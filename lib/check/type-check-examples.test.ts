/**
 * What the page's TypeScript worker says of every JavaScript example and reference snippet, reproduced here
 * with the same compiler options (components/editor/monaco-setup.ts) and the same generated `.d.ts` (TypeScript 6
 * here, Monaco's 5.9 there: `strict` is set explicitly in both, since their defaults differ): a spell
 * written the documented way must get no type diagnostic.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { renderSpellApiDts } from "@/lib/spell/dts";
import { SPELL_API_REFERENCE } from "@/lib/spell/reference";
import { toTypeDiagnostics } from "./type-check";

const DTS = renderSpellApiDts(SPELL_API_REFERENCE, { dynamicJson: true });
const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ESNext,
  module: ts.ModuleKind.ESNext,
  allowNonTsExtensions: true,
  allowJs: true,
  checkJs: true,
  strict: false,
  lib: ["lib.esnext.d.ts"],
  noEmit: true,
};

function typeCheck(source: string) {
  const files = new Map([
    ["/spell.js", source],
    ["/spell-api.d.ts", DTS],
  ]);
  const host = ts.createCompilerHost(OPTIONS);
  const readFile = host.readFile.bind(host);
  host.readFile = (f) => files.get(f) ?? readFile(f);
  host.fileExists = (f) => files.has(f) || ts.sys.fileExists(f);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (f, v) => (files.has(f) ? ts.createSourceFile(f, files.get(f)!, v) : getSourceFile(f, v));
  const program = ts.createProgram(["/spell.js", "/spell-api.d.ts"], OPTIONS, host);
  const file = program.getSourceFile("/spell.js")!;
  const raw = program.getSemanticDiagnostics(file).map((d) => ({
    start: d.start,
    length: d.length,
    code: d.code,
    category: d.category,
    messageText: ts.flattenDiagnosticMessageText(d.messageText, " "),
  }));
  return toTypeDiagnostics(raw, (o) => {
    const p = file.getLineAndCharacterOfPosition(o);
    return { line: p.line + 1, column: p.character + 1 };
  }).map((d) => `${d.line}:${d.column} ${d.message}`);
}

describe("TypeScript's checks of what ships", () => {
  it("flags what only types can tell", () => {
    expect(
      typeCheck(
        'const a = Agent.builder().model("mock/echo").build();\nconst r = await a.execute({ text: "hi" });\nprint(r.txt);',
      ),
    ).toEqual([expect.stringMatching(/^3:9 Property 'txt' does not exist on type 'AgentResult'.*\(TS2551\)$/)]);
  });

  it("flags a wrong argument type", () => {
    expect(typeCheck('const b = Agent.builder().temperature("hot");\nprint(b);')).toEqual([
      expect.stringMatching(
        /^1:39 Argument of type 'string' is not assignable to parameter of type 'number'.*\(TS2345\)$/,
      ),
    ]);
  });

  it("passes every JavaScript example", () => {
    const dir = join(process.cwd(), "examples");
    for (const f of readdirSync(dir).filter((f) => f.endsWith(".js")))
      expect(typeCheck(readFileSync(join(dir, f), "utf8")), f).toEqual([]);
  });

  it("passes every JavaScript snippet of the reference", () => {
    const snippets = [
      ...SPELL_API_REFERENCE.globals.flatMap((g) => g.functions),
      ...SPELL_API_REFERENCE.classes.flatMap((c) => c.methods),
    ].flatMap((f) => (f.js && !f.js.startsWith(".") ? [f] : []));
    for (const s of snippets) expect(typeCheck(s.js!), `${s.name}: ${s.js}`).toEqual([]);
  });
});
