/** Lua's sandboxed `io.write`: line-buffered into `log` events, in order with `print`, flushed at the end. */
import { OUTPUT_ENTRY_OVERHEAD_BYTES } from "@/lib/core/run-output";
import { describe, expect, it } from "vitest";
import type { ExecuteOptions } from "@/lib/core/engine";
import type { RunEvent } from "@/lib/core/events";
import { createSpellApi } from "@/lib/spell/index";
import { SPELL_API_REFERENCE } from "@/lib/spell/reference";
import { createTestRuntime } from "@/lib/spell/testing";
import { createLuaEngine } from "@/engines/lua/engine";

const engine = await createLuaEngine();

async function run(source: string, opts: ExecuteOptions = {}) {
  const events: RunEvent[] = [];
  const r = await engine.execute(source, { ...opts, onEvent: (e) => events.push(e) });
  const logEvents = events.filter((e) => e.type === "log");
  return { r, logs: r.logs.map((l) => `${l.level}:${l.text}`), logEvents };
}

describe("lua io.write", () => {
  it("logs one event per complete line, joining chunks written without a newline", async () => {
    const { r, logs, logEvents } = await run(`io.write("a") io.write("b", "c\\n") io.write("d\\ne\\n") return 1`);
    expect(r).toMatchObject({ ok: true, value: 1 });
    expect(logs).toEqual(["log:abc", "log:d", "log:e"]);
    expect(logEvents.map((e) => e.type === "log" && e.text)).toEqual(["abc", "d", "e"]);
  });
  it("flushes a trailing partial line when the run ends", async () => {
    const { logs } = await run(`io.write("no newline") return nil`);
    expect(logs).toEqual(["log:no newline"]);
  });
  it("flushes a trailing partial line when the run fails, before the error event", async () => {
    const events: RunEvent[] = [];
    const r = await engine.execute(`io.write("half") error("boom")`, { onEvent: (e) => events.push(e) });
    expect(r.ok).toBe(false);
    expect(r.logs).toEqual([{ level: "log", text: "half" }]);
    expect(events.map((e) => e.type)).toEqual(["log", "error"]);
  });
  it("flushes a partial line when the run times out", async () => {
    const r = await engine.execute(`io.write("before") while true do end`, { timeoutMs: 100 });
    expect(r).toMatchObject({ ok: false, error: { kind: "timeout" } });
    expect(r.logs).toEqual([{ level: "log", text: "before" }]);
  });
  it("keeps order with print, and print ends a line io.write left open", async () => {
    const { logs } = await run(
      `io.write("x\\n") print("p1") io.write("Progress: ") print("done") io.write("tail") warn("w") io.write("end")`,
    );
    expect(logs).toEqual(["log:x", "log:p1", "log:Progress: done", "log:tail", "warn:w", "log:end"]);
  });
  it("returns io.stdout so writes chain, and io.stdout:write works the same", async () => {
    const { r, logs } = await run(
      `local f = io.write("a"):write("b") io.stdout:write("c", 1, 2.5, "\\n") return { f == io.stdout, tostring(f) }`,
    );
    expect(r).toMatchObject({ ok: true, value: [true, "file (stdout)"] });
    expect(logs).toEqual(["log:abc12.5"]);
  });
  it("writes numbers as Lua does (integers plain, floats %.14g)", async () => {
    const { logs } = await run(`io.write(3, " ", 1.0, " ", 0.1, " ", 1e100, "\\n")`);
    expect(logs).toEqual(["log:3 1 0.1 1e+100"]);
  });
  it("rejects values that are not strings or numbers, at the spell's line", async () => {
    const { r } = await run(`local x = 1\nio.write("a", {})`);
    expect(r).toMatchObject({ ok: false, error: { kind: "runtime", line: 2 } });
    expect(!r.ok && r.error.message).toMatch(/bad argument #2 to 'write' \(string expected, got table\)/);
    const dot = await run(`io.stdout.write("x")`);
    expect(dot.r).toMatchObject({ ok: false, error: { kind: "runtime", line: 1 } });
    expect(!dot.r.ok && dot.r.error.message).toMatch(/colon/);
  });
  it("is bounded by the output cap, even for a line that never ends", async () => {
    const { r, logs } = await run(`for i = 1, 1000 do io.write("0123456789") end return true`, {
      maxOutputBytes: 1000 + OUTPUT_ENTRY_OVERHEAD_BYTES,
    });
    expect(r).toMatchObject({ ok: true, value: true, stats: { outputTruncated: true } });
    expect(logs[0]).toBe(`log:${"0123456789".repeat(100)}`);
    expect(logs[1]).toMatch(/^warn:\[output truncated/);
    expect(logs).toHaveLength(2);
  });
  it("caps complete lines like print", async () => {
    const { r, logs } = await run(`for i = 1, 100 do io.write("line ", i, "\\n") end`, {
      maxOutputBytes: 3 * (6 + OUTPUT_ENTRY_OVERHEAD_BYTES) + 10,
    });
    expect(r).toMatchObject({ ok: true, stats: { outputTruncated: true } });
    expect(logs.slice(0, 3)).toEqual(["log:line 1", "log:line 2", "log:line 3"]);
    expect(logs.at(-1)).toMatch(/^warn:\[output truncated/);
    expect(logs.join("").length).toBeLessThan(300);
  });
  it("streams an agent-style callback that writes chunks", async () => {
    const { logs } = await run(
      `for _, c in ipairs({ "Once ", "upon ", "a time" }) do io.write(c) end print() return 0`,
    );
    expect(logs).toEqual(["log:Once upon a time"]);
  });
  it("runs the reference's Lua streaming example (agent:stream with io.write)", async () => {
    const example = SPELL_API_REFERENCE.classes
      .find((c) => c.name === "Agent")
      ?.methods.find((m) => m.name === "stream")?.lua;
    expect(example).toContain("io.write(chunk.text)");
    const api = createSpellApi(createTestRuntime({ engine: "lua" }));
    const r = await engine.execute(
      `local agent = Agent.builder():model("mock/echo"):build()\n${example}\nreturn r.text`,
      { api },
    );
    expect(r).toMatchObject({ ok: true, value: "Tell a story", logs: [{ level: "log", text: "Tell a story" }] });
  });
});
