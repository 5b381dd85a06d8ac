import { describe, expect, it } from "vitest";
import type { ExecutionResult, RunEvent } from "@/lib/core/events";
import type { JsonValue } from "@/lib/core/json";
import { CHECK_KINDS, checkSchema, evaluateCheck, evaluateChecks, type Check } from "./checks";
import type { RunOutcome } from "./outcome";

const stats = { engine: "lua", durationMs: 1 };
const ok = (value: JsonValue = null): ExecutionResult => ({ ok: true, value, logs: [], stats });
const failed = (kind: string, message: string): ExecutionResult => ({
  ok: false,
  error: { kind: kind as never, message },
  logs: [],
  stats,
});

function outcome(parts: Partial<RunOutcome> = {}): RunOutcome {
  return { language: "lua", source: "", result: ok(), events: [], ...parts };
}

let t = 0;
const log = (text: string): RunEvent => ({ type: "log", level: "log", text, t: t++ });
const stream = (text: string): RunEvent => ({ type: "stream", text, t: t++ });
const start = (id: string, kind: string, name: string, input?: JsonValue, parentId?: string): RunEvent => ({
  type: "trace",
  phase: "start",
  id,
  kind: kind as never,
  name,
  t: t++,
  ...(input !== undefined ? { input } : {}),
  ...(parentId ? { parentId } : {}),
});
const end = (id: string, output?: JsonValue, error?: { kind: string; message: string }): RunEvent => ({
  type: "trace",
  phase: "end",
  id,
  t: t++,
  durationMs: 1,
  ...(output !== undefined ? { output } : {}),
  ...(error ? { error: error as never } : {}),
});

/** Parse through the schema, as a check from a lesson link would be. */
const check = (c: Record<string, unknown>): Check => checkSchema.parse({ message: "the check failed", ...c });

function verdict(c: Record<string, unknown>, o: RunOutcome) {
  return evaluateCheck(check(c), o);
}

describe("output checks", () => {
  const o = outcome({ events: [log("Hello, world!"), stream("The mock "), stream("says hi."), log("done")] });

  it("output-contains passes on a log line or streamed text, and fails naming what was seen", () => {
    expect(verdict({ kind: "output-contains", text: "Hello, world" }, o).pass).toBe(true);
    expect(verdict({ kind: "output-contains", text: "mock says hi" }, o).pass).toBe(true);
    const miss = verdict({ kind: "output-contains", text: "Goodbye" }, o);
    expect(miss.pass).toBe(false);
    expect(miss.detail).toContain("Hello, world!");
    expect(miss.detail).toContain('"Goodbye"');
    expect(verdict({ kind: "output-contains", text: "x" }, outcome()).detail).toContain("was empty");
  });

  it("falls back to the result's logs when there are no events", () => {
    const bare = outcome({ result: { ...ok(), logs: [{ level: "log", text: "from logs" }] } });
    expect(verdict({ kind: "output-contains", text: "from logs" }, bare).pass).toBe(true);
  });

  it("output-matches uses the pattern and its flags", () => {
    expect(verdict({ kind: "output-matches", pattern: "hello, \\w+!", flags: "i" }, o).pass).toBe(true);
    expect(verdict({ kind: "output-matches", pattern: "hello, \\w+!" }, o).pass).toBe(false);
    expect(verdict({ kind: "output-matches", pattern: "^done$", flags: "m" }, o).pass).toBe(true);
  });
});

describe("value checks", () => {
  it("value-equals compares JSON deeply, key order aside", () => {
    const o = outcome({ result: ok({ a: 1, b: [1, 2, { c: "x" }] }) });
    expect(verdict({ kind: "value-equals", value: { b: [1, 2, { c: "x" }], a: 1 } }, o).pass).toBe(true);
    const miss = verdict({ kind: "value-equals", value: { a: 1, b: [1, 2] } }, o);
    expect(miss.pass).toBe(false);
    expect(miss.detail).toMatch(/returned .*, not /);
    expect(verdict({ kind: "value-equals", value: 42 }, outcome({ result: ok(42) })).pass).toBe(true);
    expect(verdict({ kind: "value-equals", value: 42 }, outcome({ result: ok("42") })).pass).toBe(false);
  });

  it("value-shape checks types, required keys, array items and exact values", () => {
    const shape = { name: "string", score: "number", tags: ["string"], kind: "review", extra: "any" };
    const good = outcome({ result: ok({ name: "a", score: 3, tags: ["x"], kind: "review", extra: null, more: 1 }) });
    expect(verdict({ kind: "value-shape", shape }, good).pass).toBe(true);
    const missing = verdict(
      { kind: "value-shape", shape },
      outcome({ result: ok({ name: "a", score: 3, tags: ["x"], kind: "review" }) }),
    );
    expect(missing).toMatchObject({ pass: false, detail: "value.extra is missing" });
    const badItem = verdict(
      { kind: "value-shape", shape },
      outcome({ result: ok({ name: "a", score: 3, tags: ["x", 2], kind: "review", extra: 1 }) }),
    );
    expect(badItem.detail).toBe("value.tags[1] should be a string, got 2");
    expect(verdict({ kind: "value-shape", shape: "integer" }, outcome({ result: ok(2.5) })).pass).toBe(false);
    expect(verdict({ kind: "value-shape", shape: [] }, outcome({ result: ok([]) })).pass).toBe(true);
    expect(verdict({ kind: "value-shape", shape: ["number"] }, outcome({ result: ok([]) })).pass).toBe(false);
  });

  it("a failed run fails value checks and says why", () => {
    const o = outcome({ result: failed("runtime", "boom") });
    const v = verdict({ kind: "value-equals", value: 1 }, o);
    expect(v.pass).toBe(false);
    expect(v.detail).toContain("runtime: boom");
    expect(verdict({ kind: "value-shape", shape: "any" }, o).pass).toBe(false);
  });
});

describe("trace checks", () => {
  const events = [
    start("agent-1", "agent", "poet", { text: "sea" }),
    start(
      "model-2",
      "model",
      "mock/default",
      {
        messages: [
          { role: "system", content: "You write haiku." },
          { role: "user", content: "sea" },
        ],
        tools: ["calculator"],
      },
      "agent-1",
    ),
    end("model-2", { text: "" }),
    start("tool-3", "tool", "calculator", { input: "2+2", precision: 3 }, "agent-1"),
    end("tool-3", { result: 4 }),
    end("agent-1", { text: "ok" }),
    start("agent-4", "agent", "critic", { text: "x" }),
    end("agent-4", { text: "fine" }),
  ];
  const o = outcome({ events });

  it("tool-called: by name, with params holding the listed keys, and a count", () => {
    expect(verdict({ kind: "tool-called", tool: "calculator" }, o).pass).toBe(true);
    expect(verdict({ kind: "tool-called", tool: "calculator", params: { input: "2+2" } }, o).pass).toBe(true);
    const wrongParams = verdict({ kind: "tool-called", tool: "calculator", params: { input: "3+3" } }, o);
    expect(wrongParams.pass).toBe(false);
    expect(wrongParams.detail).toContain('{"input":"2+2","precision":3}');
    expect(verdict({ kind: "tool-called", tool: "text_manipulator" }, o).detail).toContain("called 0 times");
    expect(verdict({ kind: "tool-called", tool: "calculator", times: 2 }, o)).toMatchObject({
      pass: false,
      detail: "the tool calculator was called once, expected twice",
    });
    expect(verdict({ kind: "tool-called", tool: "calculator", times: 1 }, o).pass).toBe(true);
  });

  it("agent-called: any agent or one by name, N times, with a system prompt holding a text", () => {
    expect(verdict({ kind: "agent-called" }, o).pass).toBe(true);
    expect(verdict({ kind: "agent-called", times: 2 }, o).pass).toBe(true);
    expect(verdict({ kind: "agent-called", times: 3 }, o).detail).toBe("an agent was called twice, expected 3 times");
    expect(verdict({ kind: "agent-called", agent: "poet", times: 1 }, o).pass).toBe(true);
    expect(verdict({ kind: "agent-called", agent: "nobody" }, o).detail).toBe("the agent nobody was never called");
    expect(verdict({ kind: "agent-called", agent: "poet", systemPromptContains: "haiku" }, o).pass).toBe(true);
    const wrongPrompt = verdict({ kind: "agent-called", agent: "poet", systemPromptContains: "limerick" }, o);
    expect(wrongPrompt.pass).toBe(false);
    expect(wrongPrompt.detail).toContain("You write haiku.");
    // The critic made no model call: there is no system prompt to look at.
    expect(verdict({ kind: "agent-called", agent: "critic", systemPromptContains: "x" }, o).detail).toBe(
      "the agent critic made no model call with a system prompt",
    );
    expect(verdict({ kind: "agent-called" }, outcome()).pass).toBe(false);
  });

  const workflowOutput = (success: boolean, failedSteps: number): JsonValue => ({
    text: "done",
    success,
    metadata: { extra: { failed_steps: failedSteps } },
  });

  it("workflow-succeeded: ended, no error, success and no failed step", () => {
    const good = outcome({
      events: [start("workflow-1", "workflow", "pipeline"), end("workflow-1", workflowOutput(true, 0))],
    });
    expect(verdict({ kind: "workflow-succeeded" }, good).pass).toBe(true);
    expect(verdict({ kind: "workflow-succeeded", workflow: "pipeline" }, good).pass).toBe(true);
    expect(verdict({ kind: "workflow-succeeded", workflow: "other" }, good).detail).toBe(
      "the workflow other never ran",
    );
    const stepFailed = outcome({ events: [start("w", "workflow", "p"), end("w", workflowOutput(false, 1))] });
    expect(verdict({ kind: "workflow-succeeded" }, stepFailed)).toMatchObject({
      pass: false,
      detail: "a workflow ran, but 1 step(s) failed",
    });
    const threw = outcome({
      events: [start("w", "workflow", "p"), end("w", undefined, { kind: "runtime", message: "Step 'a' failed: x" })],
    });
    expect(verdict({ kind: "workflow-succeeded" }, threw).detail).toBe("a workflow failed: Step 'a' failed: x");
    const unfinished = outcome({ events: [start("w", "workflow", "p")] });
    expect(verdict({ kind: "workflow-succeeded" }, unfinished).detail).toBe("a workflow did not finish");
  });
});

describe("run-failed", () => {
  it("passes on a failed run, of the given kind when one is named", () => {
    const o = outcome({ result: failed("validation", "bad input") });
    expect(verdict({ kind: "run-failed" }, o).pass).toBe(true);
    expect(verdict({ kind: "run-failed", errorKind: "validation" }, o).pass).toBe(true);
    expect(verdict({ kind: "run-failed", errorKind: "timeout" }, o).detail).toBe(
      "the run failed with a validation error, not timeout: bad input",
    );
    expect(verdict({ kind: "run-failed" }, outcome())).toMatchObject({ pass: false, detail: "the run succeeded" });
  });
});

describe("source checks", () => {
  it("source-contains reads code, not comments (Lua)", () => {
    const lua = '-- TODO: call Tool.execute here\nlocal s = "Tool.execute in a string"\n--[[ Tool.execute ]]';
    expect(verdict({ kind: "source-contains", text: "Tool.execute" }, outcome({ source: lua })).pass).toBe(true);
    const onlyComments = "-- Tool.execute\n--[==[\nTool.execute\n]==]\nprint(1)";
    expect(verdict({ kind: "source-contains", text: "Tool.execute" }, outcome({ source: onlyComments })).pass).toBe(
      false,
    );
    // `--` inside a string is not a comment.
    const dashes = 'print("--")\nTool.execute("calculator", {})';
    expect(verdict({ kind: "source-contains", text: "Tool.execute" }, outcome({ source: dashes })).pass).toBe(true);
  });

  it("source-avoids fails when the code makes the call (JavaScript)", () => {
    const js = "// print() is banned here\n/* print( */ console.log('x')";
    const o = outcome({ language: "javascript", source: js });
    expect(verdict({ kind: "source-avoids", text: "print(" }, o).pass).toBe(true);
    expect(verdict({ kind: "source-avoids", text: "console.log" }, o)).toMatchObject({
      pass: false,
      detail: 'the code uses "console.log"',
    });
    const url = outcome({ language: "javascript", source: 'const u = "http://x"; print(u)' });
    expect(verdict({ kind: "source-contains", text: "print(u)" }, url).pass).toBe(true);
  });
});

describe("evaluateChecks", () => {
  it("skips checks for the other language and keeps message and hint", () => {
    const checks = [
      check({
        kind: "source-contains",
        text: "agent:execute",
        language: "lua",
        message: "Use :execute",
        hint: "A colon.",
      }),
      check({ kind: "source-contains", text: "agent.execute", language: "javascript" }),
    ];
    const results = evaluateChecks(checks, outcome({ source: "agent.execute({})" }));
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ pass: false, check: { message: "Use :execute", hint: "A colon." } });
  });
});

describe("checkSchema", () => {
  it("names an unknown kind and lists the known ones", () => {
    const r = checkSchema.safeParse({ kind: "output-has", message: "m" });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].message).toBe(`kind must be one of ${CHECK_KINDS.join(", ")}`);
  });

  it("refuses a bad regular expression, a missing message and unknown fields", () => {
    const bad = checkSchema.safeParse({ kind: "output-matches", pattern: "(", message: "m" });
    expect(bad.error!.issues[0]).toMatchObject({ path: ["pattern"] });
    expect(bad.error!.issues[0].message).toMatch(/not a valid regular expression/);
    expect(checkSchema.safeParse({ kind: "output-contains", text: "x" }).error!.issues[0].path).toEqual(["message"]);
    expect(checkSchema.safeParse({ kind: "output-contains", text: "x", message: "m", extra: 1 }).success).toBe(false);
    expect(
      checkSchema.safeParse({ kind: "output-matches", pattern: "a".repeat(201), message: "m" }).error!.issues[0]
        .message,
    ).toMatch(/longer than 200/);
  });
});
