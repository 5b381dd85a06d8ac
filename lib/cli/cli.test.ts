/**
 * The real `llmspell` command, spawned as a user would run it (`node bin/llmspell.mjs run ...`), on small
 * spells in both languages. Each run starts Node and loads an engine, so these tests are few and slow.
 */
import type { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CLI_BIN, spawnCli } from "./spawn-cli";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

const cli = (args: string[], opts: { onStdout?: (text: string, child: ReturnType<typeof spawn>) => void } = {}) =>
  spawnCli(args, { cwd: dir, ...opts });

let dir: string;
const spell = (name: string, source: string) => {
  writeFileSync(join(dir, name), source);
  return name;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "llmspell-cli-"));
});

describe("llmspell CLI: usage errors (exit 2, one line)", { timeout: 60_000 }, () => {
  it("rejects an unknown flag, a missing file, an unknown engine and an unknown extension", async () => {
    spell("x.lua", "return 1");
    spell("x.txt", "return 1");
    const cases: [string[], RegExp][] = [
      [["run", "x.lua", "--frobnicate"], /^llmspell: unknown option --frobnicate/],
      [["run", "missing.lua"], /^llmspell: no such file: missing.lua/],
      [["run", "x.lua", "--engine", "cobol"], /^llmspell: unknown engine "cobol" \(known engines: lua, javascript\)/],
      [["run", "x.txt"], /^llmspell: cannot tell the engine from the extension \.txt/],
      [["run", "x.lua", "--timeout-ms", "soon"], /^llmspell: --timeout-ms needs a positive whole number/],
      [["run"], /^llmspell: run needs a spell file/],
      [
        ["run", "x.lua", "--sandbox", "loose"],
        /^llmspell: --sandbox: 'loose' is not a sandbox preset \(use standard, strict, minimal\)/,
      ],
      [["check", "x.lua", "--sandbox", ""], /^llmspell: --sandbox: '' is not a sandbox preset/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stdout).toBe("");
    }
  });

  it("prints help with exit 0", async () => {
    const r = await cli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/llmspell run <file>/);
  });
});

describe("llmspell CLI: runs", { timeout: 120_000 }, () => {
  it("runs a Lua spell: output on stdout, the returned value printed, exit 0", async () => {
    spell("hello.lua", 'print("hello from lua")\nreturn {a = 1, list = {1, 2}}\n');
    const r = await cli(["run", "hello.lua"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('hello from lua\n{\n  "a": 1,\n  "list": [\n    1,\n    2\n  ]\n}\n');
  });

  it("--temperature and --seed reach agents that set none; an agent's own temperature wins", async () => {
    spell(
      "params.lua",
      'Agent.builder():name("plain"):build():execute({ text = "one" })\nAgent.builder():name("own"):temperature(0.9):build():execute({ text = "two" })\nreturn 1\n',
    );
    const r = await cli(["run", "params.lua", "--mock", "--json", "--temperature", "0.3", "--seed", "7"]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    const models = (report.trace as { phase: string; kind?: string; input?: { params: object } }[]).filter(
      (e) => e.phase === "start" && e.kind === "model",
    );
    expect(models.map((m) => m.input!.params)).toEqual([
      expect.objectContaining({
        temperature: { value: 0.3, source: "settings" },
        seed: { value: 7, source: "settings" },
      }),
      expect.objectContaining({ temperature: { value: 0.9, source: "agent" }, seed: { value: 7, source: "settings" } }),
    ]);
  });

  it("--json prints exactly one JSON object; ARGS come from --arg and after --", async () => {
    spell(
      "args.js",
      'console.log("topic", ARGS.topic);\nconsole.warn("careful");\nexport default { topic: ARGS.topic, n: ARGS.n, first: ARGS["1"] };\n',
    );
    const r = await cli(["run", "args.js", "--json", "--arg", "topic=cats", "--", "--n", "3", "pos"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0]);
    expect(report).toMatchObject({
      ok: true,
      value: { topic: "cats", n: "3", first: "pos" },
      logs: [
        { level: "log", text: "topic cats" },
        { level: "warn", text: "careful" },
      ],
      error: null,
      trace: [],
      stats: { engine: "javascript" },
    });
    expect(typeof report.stats.durationMs).toBe("number");
  });

  it("--json logs keep Debug.* output at its level, in order with print, in both languages", async () => {
    spell(
      "debug.lua",
      'print("one")\nDebug.info("hello")\nDebug.setLevel("debug")\nDebug.debug("detail")\nprint("two")\nDebug.warn("careful")\nDebug.error("bad")\n',
    );
    spell(
      "debug.js",
      'print("one");\nDebug.info("hello");\nDebug.setLevel("debug");\nDebug.debug("detail");\nconsole.log("two");\nDebug.warn("careful");\nDebug.error("bad");\n',
    );
    const expected = [
      { level: "log", text: "one" },
      { level: "info", text: "[INFO] hello" },
      { level: "debug", text: "[DEBUG] detail" },
      { level: "log", text: "two" },
      { level: "warn", text: "[WARN] careful" },
      { level: "error", text: "[ERROR] bad" },
    ];
    const [lua, js] = await Promise.all([cli(["run", "debug.lua", "--json"]), cli(["run", "debug.js", "--json"])]);
    for (const r of [lua, js]) {
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).logs).toEqual(expected);
    }
  });

  it("--json reports a syntax error with its line, exit 1", async () => {
    spell("broken.js", "const a = 1;\nconst = 2;\n");
    const r = await cli(["run", "broken.js", "--json"]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.ok).toBe(false);
    expect(report.error).toMatchObject({ kind: "syntax", line: 2 });
    expect(report.value).toBeNull();
  });

  it("a runtime error goes to stderr as kind: message (file:line), exit 1", async () => {
    spell("bad.lua", 'local x = 1\nerror("bad thing")\n');
    const r = await cli(["run", "bad.lua"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("runtime: bad thing (bad.lua:2)\n");
  });

  it("--timeout-ms stops a busy spell with a timeout error, exit 1", async () => {
    spell("loop.lua", "while true do end\n");
    const r = await cli(["run", "loop.lua", "--timeout-ms", "300"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^timeout: .*300 ms.* \(loop\.lua(:\d+)?\)\n$/);
  });

  it("--memory-mb caps the engine's memory: a memory error, exit 1", async () => {
    spell("hog.lua", "local t = {}\nfor i = 1, 1e8 do t[i] = string.rep('x', 64) .. i end\n");
    const r = await cli(["run", "hog.lua", "--memory-mb", "4"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^memory: .* \(hog\.lua(:\d+)?\)\n$/);
  });

  it("--state persists State across two runs; an agent's tokens stream to stdout", async () => {
    spell(
      "count.lua",
      [
        'local n = (State.load("global", "count") or 0) + 1',
        'State.save("global", "count", n)',
        'local a = Agent.builder():name("w"):build()',
        'a:execute({text = "say hi"})',
        "return n",
      ].join("\n"),
    );
    const first = await cli(["run", "count.lua", "--state", "state.json"]);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/mock reply to: "say hi"/);
    expect(first.stdout.trim().split("\n").at(-1)).toBe("1");
    const second = await cli(["run", "count.lua", "--state", "state.json"]);
    expect(second.code).toBe(0);
    expect(second.stdout.trim().split("\n").at(-1)).toBe("2");
    expect(JSON.parse(readFileSync(join(dir, "state.json"), "utf8"))).toEqual({ global: { count: 2 } });
  });

  it("--mock sends a spell's openai model to the offline mock provider", async () => {
    spell(
      "mocked.js",
      'const a = Agent.builder().name("w").model("openai/gpt-4o-mini").build();\nconst r = await a.execute({ text: "say hi" });\nexport default r.text;\n',
    );
    const r = await cli(["run", "mocked.js", "--mock", "--json"]);
    const report = JSON.parse(r.stdout);
    expect(report.error).toBeNull();
    expect(report.value).toMatch(/mock reply to: "say hi"/);
    expect(r.code).toBe(0);
  });

  it("--record writes a recording that --replay plays back with no provider; a changed prompt exits 1", async () => {
    const source =
      'local a = Agent.builder():name("w"):model("openai/gpt-4o-mini"):build()\n' +
      'local id = Tool.execute("uuid-generator", {operation = "generate"}).result.uuid\n' +
      'print(a:execute({text = "say hi"}).text, id, math.random(1000), os.time())\nreturn "done"\n';
    spell("recorded.lua", source);
    const recorded = await cli(["run", "recorded.lua", "--mock", "--record", "run.json", "--otlp", "trace.json"]);
    expect(recorded.code, recorded.stderr).toBe(0);
    const recording = JSON.parse(readFileSync(join(dir, "run.json"), "utf8"));
    expect(recording).toMatchObject({ format: "llmspell-recording", version: 1, spell: { mockAll: true } });
    const otlp = JSON.parse(readFileSync(join(dir, "trace.json"), "utf8"));
    expect(otlp.resourceSpans[0].scopeSpans[0].spans.map((s: { name: string }) => s.name)).toEqual([
      "execute_tool uuid-generator",
      "invoke_agent w",
      "chat default",
    ]);

    // No --mock and no key: every answer comes from the recording.
    const replayed = await cli(["run", "recorded.lua", "--replay", "run.json"]);
    expect(replayed.code, replayed.stderr).toBe(0);
    expect(replayed.stdout).toBe(recorded.stdout);

    spell("recorded.lua", source.replace("say hi", "say hello"));
    const diverged = await cli(["run", "recorded.lua", "--replay", "run.json"]);
    expect(diverged.code).toBe(1);
    expect(diverged.stderr).toMatch(
      /^replay_diverged: call 1 \(mock\/default\): message 2 \(user\) differs: recorded "say hi", now "say hello"/,
    );

    writeFileSync(join(dir, "bad.json"), '{"format": "llmspell-recording", "version": 9}');
    const bad = await cli(["run", "recorded.lua", "--replay", "bad.json"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^llmspell: --replay bad.json: recording version 9 is not supported/);
  });

  it("--sandbox strict stops a spell past 2 s of CPU, and --timeout-ms cannot raise it", async () => {
    spell("busy.js", "for (;;) {}\n");
    const r = await cli(["run", "busy.js", "--sandbox", "strict", "--timeout-ms", "9000"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "llmspell: --timeout-ms is above the limit of 2000 ms; using 2000\n" +
        "timeout: the spell used more than its CPU time limit of 2000 ms (busy.js:1)\n",
    );
  });

  it("--sandbox strict refuses a model that is not the mock, naming the preset", async () => {
    spell(
      "remote.lua",
      'local a = Agent.builder():model("openai/gpt-4o-mini"):build()\nlocal r = a:execute("hi")\nreturn r.text\n',
    );
    const r = await cli(["run", "remote.lua", "--sandbox", "strict", "--json"]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.error.message).toContain(
      "the strict sandbox preset allows only mock/* models; 'openai/gpt-4o-mini' was refused",
    );
  });

  it("--sandbox minimal refuses a tool that is not pure", async () => {
    spell("clock.lua", 'local r = Tool.execute("datetime-handler", { operation = "now" })\nreturn r\n');
    const r = await cli(["run", "clock.lua", "--sandbox", "minimal"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "unsupported_feature: the tool 'datetime-handler' is not available under the minimal sandbox preset (it allows only pure tools) (clock.lua:1)\n",
    );
  });

  /** Run `file`, sending SIGINT once stdout shows "started". */
  async function interrupted(file: string, env?: Record<string, string>) {
    let sent = false;
    const r = await spawnCli(["run", file], {
      cwd: dir,
      env,
      onStdout: (text, child) => {
        if (!sent && text.includes("started")) {
          sent = true;
          child.kill("SIGINT");
        }
      },
    });
    expect(sent).toBe(true);
    return r;
  }

  it("Ctrl+C while the spell waits on a model cancels the run cleanly, exit 130", async () => {
    spell(
      "slow.js",
      'console.log("started");\nconst a = Agent.builder().model("mock/echo").build();\nawait a.execute({ text: "one two three four five six" });\nconsole.log("finished");\n',
    );
    const r = await interrupted("slow.js", { LLMSPELL_MOCK_DELAY_MS: "2000" });
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/^cancelled: /);
    expect(r.stdout).not.toContain("finished");
  });

  it("Ctrl+C in a Lua loop cancels the run cleanly, exit 130 (Lua yields to the event loop)", async () => {
    spell("spin.lua", 'print("started")\nwhile true do end\n');
    const r = await interrupted("spin.lua");
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/^cancelled: /);
  });

  it("Ctrl+C in a long JavaScript loop ends the process (QuickJS cannot yield, so the signal is the system's)", async () => {
    // "started" comes after 600 ms in the loop's VM slice: by then the slice counts as long (250 ms,
    // run-in-process.ts).
    spell(
      "spin.js",
      'const t = Date.now();\nwhile (Date.now() - t < 600) {}\nconsole.log("started");\nwhile (true) {}\n',
    );
    const r = await interrupted("spin.js");
    // Not the CPU limit's timeout (exit 1, ten seconds later): the signal itself ended the process.
    expect(r.signal).toBe("SIGINT");
    expect(r.code).toBeNull();
  });
});

describe("llmspell CLI: install", () => {
  it("package.json points the llmspell bin at an executable node script", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(pkg.bin).toEqual({ llmspell: "bin/llmspell.mjs" });
    expect(readFileSync(CLI_BIN, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });
});
