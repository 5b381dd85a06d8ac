import { afterEach, describe, expect, it } from "vitest";
import { JAVASCRIPT_DIALECT, LUA_DIALECT } from "../lib/core/dialect";

import { SpellError } from "../lib/core/errors";
import { type EnginePlugin, type ExecuteOptions, type ScriptEngine } from "../lib/core/engine";
import { type ExecutionResult } from "../lib/core/events";
import { type JsonValue } from "../lib/core/json";
import { createRunOutput, finishRun, streamExecution } from "../lib/core/run-output";
import { createEngine, engineForFile, getEnginePlugin, listEngines, registerEngine } from "./registry";

/** A plugin speaks the dialect closest to its language: calc answers like JavaScript. */
const CALC_DIALECT = { ...JAVASCRIPT_DIALECT, extensions: ["calc"] };

/**
 * A tiny third-party engine: "calc" spells are lines of `print <text>`, `let <name> = <a> <op> <b>` and
 * `return <name|number>`, with ARGS numbers readable by name.
 */
function createCalcEngine(): ScriptEngine {
  const execute = async (source: string, opts: ExecuteOptions = {}): Promise<ExecutionResult> => {
    const output = createRunOutput(opts);
    const vars: Record<string, number> = {};
    if (opts.args && typeof opts.args === "object" && !Array.isArray(opts.args)) {
      for (const [k, v] of Object.entries(opts.args)) if (typeof v === "number") vars[k] = v;
    }
    const num = (t: string) => (t in vars ? vars[t] : Number(t));
    let value: JsonValue = null;
    const lines = source.split("\n");
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i].trim();
      if (!line) continue;
      let m: RegExpExecArray | null;
      if ((m = /^print (.*)$/.exec(line))) output.log("log", m[1]);
      else if ((m = /^let (\w+) = (\S+) ([-+*/]) (\S+)$/.exec(line))) {
        const [a, b] = [num(m[2]), num(m[4])];
        vars[m[1]] = m[3] === "+" ? a + b : m[3] === "-" ? a - b : m[3] === "*" ? a * b : a / b;
      } else if ((m = /^return (\S+)$/.exec(line))) {
        value = num(m[1]);
        break;
      } else {
        return finishRun(
          output,
          { ok: false, error: { kind: "syntax", message: `cannot parse "${line}"`, line: i + 1, engine: "calc" } },
          { engine: "calc" },
          opts.onEvent,
        );
      }
    }
    return finishRun(output, { ok: true, value }, { engine: "calc" }, opts.onEvent);
  };
  return {
    name: "calc",
    dialect: CALC_DIALECT,
    features: { streaming: true, async: false, modules: false, memoryLimit: false, interrupt: false },
    execute,
    executeStreaming: (source, opts) => streamExecution(execute, source, opts),
    dispose() {},
  };
}

const calcPlugin: EnginePlugin = {
  name: "calc",
  dialect: CALC_DIALECT,
  features: { streaming: true, async: false, modules: false, memoryLimit: false, interrupt: false },
  create: async () => createCalcEngine(),
};

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe("engine registry", () => {
  it("lists the built-in engines with their extensions and features", () => {
    const engines = listEngines();
    expect(engines.map((e) => e.name)).toEqual(["lua", "javascript"]);
    expect(engines[0]).toMatchObject({
      name: "lua",
      extensions: ["lua"],
      editorLanguage: "lua",
      features: { interrupt: true },
    });
    expect(engines[1]).toMatchObject({ name: "javascript", extensions: ["js", "mjs"] });
  });

  it("rejects an unknown engine with engine_not_found listing the known ones", async () => {
    const err = await createEngine("cobol").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SpellError);
    expect(err).toMatchObject({ kind: "engine_not_found" });
    expect((err as SpellError).message).toContain("lua, javascript");
  });

  it("picks the engine for a file by extension", () => {
    expect(engineForFile("spells/hello.lua")?.name).toBe("lua");
    expect(engineForFile("C:\\x\\HELLO.JS")?.name).toBe("javascript");
    expect(engineForFile("a.mjs")?.name).toBe("javascript");
    expect(engineForFile("README")).toBeUndefined();
    expect(engineForFile(".lua")).toBeUndefined();
    expect(engineForFile("x.py")).toBeUndefined();
  });

  it("registers a third-party engine plugin and runs a spell through it", async () => {
    cleanups.push(registerEngine(calcPlugin));
    expect(listEngines().map((e) => e.name)).toEqual(["lua", "javascript", "calc"]);
    expect(engineForFile("sum.calc")?.name).toBe("calc");
    const engine = await createEngine("calc");
    const events: string[] = [];
    const r = await engine.execute("print adding\nlet s = a + 2\nlet t = s * 10\nreturn t", {
      args: { a: 1 },
      onEvent: (e) => events.push(e.type),
    });
    expect(r).toMatchObject({ ok: true, value: 30, logs: [{ level: "log", text: "adding" }] });
    expect(events).toEqual(["log", "result"]);
    const bad = await engine.execute("print ok\nwat");
    expect(bad).toMatchObject({ ok: false, error: { kind: "syntax", line: 2 } });
  });

  it("unregisters a plugin, and restores a built-in it replaced", async () => {
    const fake: EnginePlugin = { ...calcPlugin, name: "lua", dialect: LUA_DIALECT };
    const undo = registerEngine(fake);
    expect(getEnginePlugin("lua")).toBe(fake);
    undo();
    expect(getEnginePlugin("lua")?.editorLanguage).toBe("lua");
    const undoCalc = registerEngine(calcPlugin);
    undoCalc();
    await expect(createEngine("calc")).rejects.toMatchObject({ kind: "engine_not_found" });
  });

  it("rejects malformed plugins with a configuration error naming the problem", () => {
    const bad = (p: unknown) => () => registerEngine(p as EnginePlugin);
    expect(bad({ ...calcPlugin, name: "Bad Name" })).toThrow(/name must match/);
    expect(bad({ ...calcPlugin, dialect: { ...CALC_DIALECT, extensions: [".calc"] } })).toThrow(/extension/);
    expect(bad({ ...calcPlugin, dialect: undefined })).toThrow(/a dialect is required/);
    expect(bad({ ...calcPlugin, dialect: { ...CALC_DIALECT, language: "calc" } })).toThrow(
      /dialect.language must be one of lua, javascript/,
    );
    expect(bad({ ...calcPlugin, dialect: { ...CALC_DIALECT, indexBase: 2 } })).toThrow(/indexBase must be 0 or 1/);
    expect(bad({ ...calcPlugin, create: undefined })).toThrow(/create must be a function/);
    expect(bad({ ...calcPlugin, features: undefined })).toThrow(/features/);
    expect(bad(null)).toThrow(/must be an object/);
  });

  it("creates the built-in Lua engine lazily and runs a spell", async () => {
    const lua = await createEngine("lua");
    expect(await lua.execute("return 6 * 7")).toMatchObject({ ok: true, value: 42 });
  });
});
