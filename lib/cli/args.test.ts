import { describe, expect, it } from "vitest";
import { parseCliArgs } from "./args";

const run = (...argv: string[]) => parseCliArgs(["run", ...argv]);
const fail = (argv: string[]) => {
  const r = parseCliArgs(argv);
  if (r.ok) throw new Error(`expected a usage error for ${argv.join(" ")}`);
  return r.message;
};

describe("parseCliArgs", () => {
  it("parses every run flag", () => {
    const r = run(
      "spell.lua",
      "--engine",
      "lua",
      "--mock",
      "--model",
      "openai/gpt-4o-mini",
      "--timeout-ms",
      "500",
      "--memory-mb",
      "16",
      "--json",
      "--trace",
      "--state",
      "s.json",
    );
    expect(r).toEqual({
      ok: true,
      value: {
        command: "run",
        file: "spell.lua",
        engine: "lua",
        mock: true,
        model: "openai/gpt-4o-mini",
        timeoutMs: 500,
        memoryBytes: 16 * 1024 * 1024,
        json: true,
        trace: true,
        statePath: "s.json",
      },
    });
  });

  it("parses --record, --replay, --replay-speed and --otlp, and refuses bad combinations", () => {
    expect(parseCliArgs(["run", "a.lua", "--record", "r.json", "--otlp", "o.json"])).toMatchObject({
      ok: true,
      value: { recordPath: "r.json", otlpPath: "o.json" },
    });
    expect(parseCliArgs(["run", "a.lua", "--replay", "r.json", "--replay-speed", "0.5"])).toMatchObject({
      ok: true,
      value: { replayPath: "r.json", replaySpeed: 0.5 },
    });
    const refused: [string[], string][] = [
      [["run", "a.lua", "--record", "a.json", "--replay", "b.json"], "--record and --replay cannot be used together"],
      [["run", "a.lua", "--replay-speed", "2"], "--replay-speed needs --replay"],
      [["run", "a.lua", "--replay", "r.json", "--replay-speed", "8"], "--replay-speed needs a number from 0.25 to 4"],
      [["run", "a.lua", "--otlp", " "], "--otlp needs a file path"],
      [["check", "a.lua", "--record", "r.json"], "--record is an option of run, not check"],
    ];
    for (const [argv, message] of refused) {
      const r = parseCliArgs(argv);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(message);
    }
  });

  it("parses --sandbox for run and check, and names a bad preset", () => {
    expect(run("a.js", "--sandbox", "strict")).toMatchObject({ ok: true, value: { sandbox: "strict" } });
    expect(parseCliArgs(["check", "a.js", "--sandbox", "minimal"])).toMatchObject({
      ok: true,
      value: { command: "check", sandbox: "minimal" },
    });
    expect(fail(["run", "a.js", "--sandbox", "lax"])).toBe(
      "--sandbox: 'lax' is not a sandbox preset (use standard, strict, minimal)",
    );
    expect(fail(["check", "a.js", "--sandbox", "STRICTER"])).toMatch(/^--sandbox: 'STRICTER' is not a sandbox preset/);
    expect(fail(["run", "a.js", "--sandbox"])).toBe("--sandbox needs a value");
  });

  it("defaults: no engine, no args, human output", () => {
    expect(run("a.js")).toEqual({
      ok: true,
      value: { command: "run", file: "a.js", mock: false, json: false, trace: false },
    });
  });

  it("builds ARGS from --arg and from everything after --", () => {
    const r = run(
      "a.lua",
      "--arg",
      "topic=cats",
      "--arg",
      "eq=a=b",
      "--",
      "--max",
      "3",
      "--flag",
      "--k=v",
      "pos1",
      "pos2",
    );
    expect(r.ok && r.value.command === "run" && r.value.args).toEqual({
      "0": "a.lua",
      topic: "cats",
      eq: "a=b",
      max: "3",
      flag: "true",
      k: "v",
      "1": "pos1",
      "2": "pos2",
    });
  });

  it("treats flags after -- as spell arguments, not CLI flags", () => {
    const r = run("a.lua", "--", "--json");
    expect(r.ok && r.value.command === "run" && r.value.json).toBe(false);
    expect(r.ok && r.value.command === "run" && r.value.args).toEqual({ "0": "a.lua", json: "true" });
  });

  it("help, version, engines", () => {
    expect(parseCliArgs([])).toEqual({ ok: true, value: { command: "help" } });
    expect(parseCliArgs(["--help"])).toEqual({ ok: true, value: { command: "help" } });
    expect(parseCliArgs(["help", "spell.lua"])).toEqual({ ok: true, value: { command: "help", file: "spell.lua" } });
    expect(parseCliArgs(["run", "x.lua", "-h"])).toEqual({ ok: true, value: { command: "help" } });
    expect(parseCliArgs(["--version"])).toEqual({ ok: true, value: { command: "version" } });
    expect(parseCliArgs(["engines"])).toEqual({ ok: true, value: { command: "engines" } });
  });

  it("rejects bad input with a message naming the problem", () => {
    expect(fail(["run", "a.lua", "--nope"])).toBe("unknown option --nope (see llmspell --help)");
    expect(fail(["run", "a.lua", "--engine"])).toBe("--engine needs a value");
    expect(fail(["run", "a.lua", "--timeout-ms", "abc"])).toMatch(
      /--timeout-ms needs a positive whole number \(got "abc"\)/,
    );
    expect(fail(["run", "a.lua", "--timeout-ms", "0"])).toMatch(/--timeout-ms needs a positive whole number/);
    expect(fail(["run", "a.lua", "--timeout-ms", "1.5"])).toMatch(/--timeout-ms/);
    expect(fail(["run", "a.lua", "--memory-mb", "-3"])).toMatch(/--memory-mb/);
    expect(fail(["run", "a.lua", "--model", "not a model"])).toMatch(/--model needs provider\/model/);
    expect(fail(["run", "a.lua", "--arg", "novalue"])).toMatch(/--arg needs key=value/);
    expect(fail(["run", "a.lua", "--engine", " "])).toMatch(/--engine needs a name/);
    expect(fail(["run"])).toMatch(/run needs a spell file/);
    expect(fail(["run", "a.lua", "b.lua"])).toMatch(/unexpected argument "b.lua"/);
    expect(fail(["fly"])).toMatch(/unknown command "fly"/);
    expect(fail(["run", "a.lua", "--mock=yes"])).toMatch(/--mock/);
  });
});

describe("parseCliArgs: repl", () => {
  it("parses the repl's flags, Lua by default", () => {
    expect(parseCliArgs(["repl"])).toEqual({ ok: true, value: { command: "repl", engine: "lua", mock: false } });
    expect(
      parseCliArgs(["repl", "--engine", "javascript", "--mock", "--model", "mock/echo", "--state", "s.json"]),
    ).toEqual({
      ok: true,
      value: {
        command: "repl",
        engine: "javascript",
        mock: true,
        model: "mock/echo",
        statePath: "s.json",
      },
    });
    expect(parseCliArgs(["repl", "--timeout-ms", "500", "--memory-mb", "8"])).toMatchObject({
      ok: true,
      value: { timeoutMs: 500, memoryBytes: 8 * 1024 * 1024 },
    });
  });

  it("rejects a file, spell arguments and run-only flags, naming them", () => {
    expect(fail(["repl", "x.lua"])).toMatch(/repl takes no file \(got "x.lua"\); use .load FILE/);
    expect(fail(["repl", "--", "a"])).toMatch(/repl takes no spell arguments/);
    expect(fail(["repl", "--json"])).toMatch(/--json is an option of run, not repl/);
    expect(fail(["repl", "--record", "r.json"])).toMatch(/--record is an option of run, not repl/);
    expect(fail(["repl", "--engine", " "])).toMatch(/--engine needs a name/);
    expect(fail(["repl", "--timeout-ms", "0"])).toMatch(/--timeout-ms needs a positive whole number/);
  });
});
