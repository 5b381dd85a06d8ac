import { describe, expect, it } from "vitest";
import type { ExecutionResult } from "@/lib/core/events";
import { createJsonCollector, createTerminalPrinter, formatCliError } from "./output";

function sink() {
  const chunks: string[] = [];
  return { write: (t: string) => chunks.push(t), text: () => chunks.join("") };
}
const stats = { engine: "lua", durationMs: 5 };

describe("terminal output", () => {
  it("streams tokens on stdout, ends the line before the next log, and prints the value", () => {
    const stdout = sink();
    const stderr = sink();
    const p = createTerminalPrinter({ stdout, stderr }, { file: "a.lua", trace: false });
    p.onEvent({ type: "log", level: "log", text: "hello", t: 0 });
    p.onEvent({ type: "stream", text: "to", t: 1 });
    p.onEvent({ type: "stream", text: "ken", t: 2 });
    p.onEvent({ type: "log", level: "warn", text: "careful", t: 3 });
    p.onEvent({ type: "trace", phase: "start", id: "t1", kind: "agent", name: "a", t: 0 });
    p.finish({ ok: true, value: { n: 1 }, logs: [], stats });
    expect(stdout.text()).toBe('hello\ntoken\n{\n  "n": 1\n}\n');
    expect(stderr.text()).toBe("careful\n");
  });

  it("prints a spell error as kind: message (file:line) on stderr, and traces with --trace", () => {
    const stdout = sink();
    const stderr = sink();
    const p = createTerminalPrinter({ stdout, stderr }, { file: "x.lua", trace: true });
    p.onEvent({ type: "trace", phase: "start", id: "t1", kind: "agent", name: "writer", t: 0, model: "mock/default" });
    p.onEvent({ type: "trace", phase: "end", id: "t1", t: 9, durationMs: 9, tokens: { input: 3, output: 4 } });
    p.finish({ ok: false, error: { kind: "runtime", message: "boom", line: 3 }, logs: [], stats });
    expect(stdout.text()).toBe("");
    expect(stderr.text()).toBe(
      "[trace] ▶ agent writer (mock/default)\n[trace] ◀ agent writer 9 ms, 3+4 tokens\nruntime: boom (x.lua:3)\n",
    );
  });

  it("formats an error without a line", () => {
    expect(formatCliError({ kind: "timeout", message: "too slow" }, "s.js")).toBe("timeout: too slow (s.js)");
  });

  it("prints nothing for a nil result and strings raw", () => {
    const stdout = sink();
    const p = createTerminalPrinter({ stdout, stderr: sink() }, { file: "a", trace: false });
    p.finish({ ok: true, value: null, logs: [], stats });
    expect(stdout.text()).toBe("");
    p.finish({ ok: true, value: "plain", logs: [], stats });
    expect(stdout.text()).toBe("plain\n");
  });
});

describe("--json report", () => {
  it("has ok, value, logs, error, trace and stats", () => {
    const c = createJsonCollector();
    c.onEvent({ type: "trace", phase: "start", id: "t1", kind: "tool", name: "calc", t: 0 });
    c.onEvent({ type: "log", level: "log", text: "x", t: 0 });
    const failed: ExecutionResult = {
      ok: false,
      error: { kind: "syntax", message: "bad", line: 2, column: 4 },
      logs: [{ level: "log", text: "x" }],
      stats,
    };
    expect(c.report(failed)).toEqual({
      ok: false,
      value: null,
      logs: [{ level: "log", text: "x" }],
      error: { kind: "syntax", message: "bad", line: 2, column: 4 },
      trace: [{ type: "trace", phase: "start", id: "t1", kind: "tool", name: "calc", t: 0 }],
      stats,
    });
    const good = createJsonCollector().report({ ok: true, value: [1, "a"], logs: [], stats });
    expect(good).toEqual({ ok: true, value: [1, "a"], logs: [], error: null, trace: [], stats });
    expect(
      createJsonCollector().report({ ok: false, error: { kind: "timeout", message: "t" }, logs: [], stats }).error,
    ).toEqual({ kind: "timeout", message: "t", line: null });
  });

  it("logs keep the spell API's log events (Debug.*) in order with print output, at their levels", () => {
    const c = createJsonCollector();
    c.onEvent({ type: "log", level: "log", text: "printed", t: 0 });
    c.onEvent({ type: "log", level: "info", text: "[INFO] hello", t: 1 });
    c.onEvent({ type: "stream", text: "token", t: 2 });
    c.onEvent({ type: "log", level: "warn", text: "[WARN] careful", t: 3 });
    c.onEvent({ type: "log", level: "debug", text: "[DEBUG] detail", t: 4 });
    c.onEvent({ type: "log", level: "error", text: "[ERROR] bad", t: 5 });
    c.onEvent({ type: "log", level: "log", text: "printed again", t: 6 });
    // The engine's result lists only its own output (print); the Debug lines went out as events only.
    const result: ExecutionResult = {
      ok: true,
      value: null,
      logs: [
        { level: "log", text: "printed" },
        { level: "log", text: "printed again" },
      ],
      stats,
    };
    expect(c.report(result).logs).toEqual([
      { level: "log", text: "printed" },
      { level: "info", text: "[INFO] hello" },
      { level: "warn", text: "[WARN] careful" },
      { level: "debug", text: "[DEBUG] detail" },
      { level: "error", text: "[ERROR] bad" },
      { level: "log", text: "printed again" },
    ]);
  });
});
