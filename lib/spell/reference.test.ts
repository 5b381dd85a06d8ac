import { describe, expect, it } from "vitest";
import ts from "typescript";
import { createSpellApi } from "./index";
import { SPELL_API_REFERENCE } from "./reference";
import { renderSpellApiDts } from "./dts";
import { createTestRuntime } from "./testing";
import { STREAMING_FUNCTIONS, STREAMING_METHODS } from "./globals/streaming";
import { HOOK_POINTS } from "./globals/hook";

const api = createSpellApi(createTestRuntime({ engine: "lua", args: { a: "1" } }));

it("leaves JavaScript its own JSON global", () => {
  const js = createSpellApi(createTestRuntime({ engine: "javascript" }));
  expect(js.globals.JSON).toBeUndefined();
  expect(Object.keys(js.globals).sort()).toEqual(
    Object.keys(api.globals)
      .filter((g) => g !== "JSON")
      .sort(),
  );
});

describe("the API reference", () => {
  it("documents exactly the globals and functions the API exposes", () => {
    const exposed = Object.entries(api.globals).map(([g, v]) => `${g}: ${Object.keys(v.functions).sort().join(",")}`);
    exposed.push(`Streaming: ${[...STREAMING_FUNCTIONS].sort().join(",")}`, "ARGS: ");
    const documented = SPELL_API_REFERENCE.globals.map(
      (g) =>
        `${g.name}: ${g.functions
          .map((f) => f.name)
          .sort()
          .join(",")}`,
    );
    expect(documented.sort()).toEqual(exposed.sort());
  });

  it("documents exactly the classes and methods the API exposes", () => {
    const exposed = Object.entries(api.classes).map(([c, v]) => `${c}: ${Object.keys(v.methods).sort().join(",")}`);
    exposed.push(`Stream: ${[...STREAMING_METHODS].sort().join(",")}`);
    const documented = SPELL_API_REFERENCE.classes.map(
      (c) =>
        `${c.name}: ${c.methods
          .map((m) => m.name)
          .sort()
          .join(",")}`,
    );
    expect(documented.sort()).toEqual(exposed.sort());
  });

  it("documents the values on globals and every hook point", () => {
    for (const [name, g] of Object.entries(api.globals))
      expect(
        SPELL_API_REFERENCE.globals
          .find((d) => d.name === name)
          ?.values?.map((v) => v.name)
          .sort() ?? [],
      ).toEqual(Object.keys(g.values ?? {}).sort());
    expect(SPELL_API_REFERENCE.hookPoints).toEqual([...HOOK_POINTS]);
  });

  it("gives every global a description and every function a description and return type", () => {
    for (const g of SPELL_API_REFERENCE.globals) {
      expect(g.description.length).toBeGreaterThan(10);
      for (const f of g.functions)
        expect([f.name, f.description.length > 5, f.returns.length > 0]).toEqual([f.name, true, true]);
    }
  });
});

describe("renderSpellApiDts", () => {
  const dts = renderSpellApiDts();

  it("is valid TypeScript that type-checks a spell using the API", () => {
    const spell = `
      declare const console: { log(...values: unknown[]): void };
      const agent = Agent.builder().name("a").model("mock/echo").temperature(0.2).build();
      async function main() {
        const r = await agent.execute({ text: "hi" });
        const n: number = r.metadata.usage.output_tokens;
        for await (const chunk of agent.stream({ text: "x" })) console.log(chunk.text, n);
        const t = await Tool.execute("calculator", { operation: "evaluate", input: "1+1" });
        const wf = Workflow.builder().name("w").parallel().add_step({ name: "s", type: "tool", tool: "uuid-generator" }).build();
        const res = await wf.execute({});
        console.log(t.success, res.metadata.extra.total_steps, wf.id, ARGS?.topic, Hook.Priority.HIGH);
        await State.save("global", "k", 1);
        Streaming.create(function* () { yield 1; }).collect();
      }
      main();
      // @ts-expect-error temperature takes a number
      Agent.builder().temperature("hot");
    `;
    const files: Record<string, string> = { "/spell-api.d.ts": dts, "/spell.ts": spell };
    const options: ts.CompilerOptions = {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      lib: ["lib.es2022.d.ts", "lib.es2018.asynciterable.d.ts"],
      types: [],
    };
    const host = ts.createCompilerHost(options);
    const orig = host.getSourceFile.bind(host);
    host.getSourceFile = (name, lang, ...rest) =>
      files[name] !== undefined ? ts.createSourceFile(name, files[name], lang) : orig(name, lang, ...rest);
    host.fileExists = (name) => files[name] !== undefined || ts.sys.fileExists(name);
    host.readFile = (name) => files[name] ?? ts.sys.readFile(name);
    const program = ts.createProgram(Object.keys(files), options, host);
    const diags = ts
      .getPreEmitDiagnostics(program)
      .map((d) => `${d.file?.fileName}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
    expect(diags.join("\n")).toBe("");
  });

  it("returns Promises for methods that wait and plain values for builders", () => {
    expect(dts).toMatch(/execute\(input: AgentInput \| string\): Promise<AgentResult>;/);
    expect(dts).toMatch(/temperature\(value: number\): AgentBuilder;/);
    expect(dts).toContain("declare const Workflow: {");
  });
});

describe("lib/spell/spell-api.d.ts", () => {
  it("is up to date with the reference (regenerate: npx tsx lib/spell/write-dts.ts)", async () => {
    const { readFileSync } = await import("node:fs");
    const onDisk = readFileSync(new URL("./spell-api.d.ts", import.meta.url), "utf8");
    expect(onDisk === renderSpellApiDts()).toBe(true);
  });
});
