/**
 * Record a spell against the local OpenAI-compatible SSE mock server (agents, a tool the model calls, random
 * ids, the clock, a parallel workflow, streaming), stop the server, and replay: the same output, value and trace
 * shape with no network; a changed prompt stops the replay at the right call.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunEvent, TraceStart } from "@/lib/core/events";
import { createDirectLlmClient } from "@/lib/llm/direct";
import { startOpenAiMockServer, type OpenAiMockServer } from "@/lib/llm/testing/openai-mock-server";
import type { LlmClient } from "@/lib/llm/types";
import { runSpell } from "./run-spell";
import type { RunRequest, RunResult } from "./types";
import { createMemoryStateStore } from "@/lib/spell/state/memory";
import { parseRecording, type Recording } from "@/lib/recording/schema";
import { exportOtlpTrace, importOtlpTrace } from "@/lib/otel/otlp";
import { applyRunEvent, createRunView } from "@/lib/store/run-view";

const LUA_SPELL = `
Tool.register({
  name = "stamp",
  description = "Stamps an expression with an id, the time and a dice roll",
  parameters = {type = "object", properties = {expression = {type = "string"}}},
  execute = function(p)
    local id = Tool.execute("uuid-generator", {operation = "generate"})
    local now = Tool.execute("datetime-handler", {operation = "now", timezone = "UTC"})
    return {expression = p.expression, id = id.result.uuid, now = now.result.datetime, roll = math.random(1000000)}
  end,
})
local helper = Agent.builder():name("helper"):model("openai/gpt-test"):allowed_tools({"stamp"}):build()
local stamped = helper:execute({text = "stamp 2+2"})
print("helper: " .. stamped.text)

Agent.builder():name("writer"):model("openai/gpt-test"):build()
local fan = Workflow.builder():name("fan-out"):parallel()
  :add_step({name = "a", type = "agent", agent = "writer", input = "first about {{input.topic}}"})
  :add_step({name = "b", type = "agent", agent = "writer", input = "second about {{input.topic}}"})
  :build()
local out = fan:execute({topic = "wasm"})
print("a: " .. out.metadata.extra.step_outputs.a)
print("b: " .. out.metadata.extra.step_outputs.b)

local writer = Agent.get("writer")
local pieces = {}
local streamed = writer:stream({text = "stream a story"}, function(chunk) pieces[#pieces + 1] = chunk.text end)
print("pieces: " .. #pieces .. " " .. streamed.text)
print("clock: " .. os.time() .. " " .. os.date("%Y"))
return {helper = stamped.text, pieces = #pieces, roll = math.random(), time = os.time()}
`;

const JS_SPELL = `
const helper = Agent.builder().name("helper").model("openai/gpt-test").build();
const r = await helper.execute({ text: "hello from js " + Math.floor(Math.random() * 1e6) });
console.log(r.text, Date.now(), new Date().toISOString());
const id = await Tool.execute("uuid-generator", { operation: "generate" });
export default { text: r.text, id: id.result.uuid, roll: Math.random(), now: Date.now() };
`;

interface Run {
  result: RunResult;
  events: RunEvent[];
  lines: string[];
}

async function run(request: RunRequest, llm: LlmClient): Promise<Run> {
  const events: RunEvent[] = [];
  const result = await runSpell(request, { llm, state: createMemoryStateStore(), emit: (e) => events.push(e) });
  return { result, events, lines: result.logs.map((l) => l.text) };
}

/**
 * Durations the API measures on the run's clock (`execution_time_ms`, a workflow's "Duration: 7ms") are live in
 * a replay, as the span timings are: masked here; everything else must match.
 */
function maskDurations(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value ?? null, (key, v: unknown) =>
      /(_time_ms|duration_ms)$/.test(key) && typeof v === "number"
        ? "<ms>"
        : typeof v === "string"
          ? v.replace(/Duration: \d+ms/g, "Duration: <ms>")
          : v,
    ),
  );
}

/** The trace as a tree without timings: kind, name, parent, input, output, tokens, cost, error. */
function traceShape(events: RunEvent[]) {
  const ends = new Map(events.flatMap((e) => (e.type === "trace" && e.phase === "end" ? [[e.id, e]] : [])));
  return events
    .filter((e): e is TraceStart => e.type === "trace" && e.phase === "start")
    .map((s) => {
      const end = ends.get(s.id);
      return {
        id: s.id,
        parentId: s.parentId,
        kind: s.kind,
        name: s.name,
        input: s.input,
        output: maskDurations(end?.output),
        tokens: end?.tokens,
        costUsd: end?.costUsd,
        error: end?.error,
      };
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Streamed text per agent call (calls side by side interleave differently at another pace). */
const streamedText = (events: RunEvent[]) => {
  const byTrace: Record<string, string> = {};
  for (const e of events) if (e.type === "stream") byTrace[e.traceId ?? ""] = (byTrace[e.traceId ?? ""] ?? "") + e.text;
  return byTrace;
};

/** A client that fails any call: replay must not use it. */
const offline: LlmClient = {
  stream: () => {
    throw new Error("replay used the network");
  },
  embed: () => {
    throw new Error("replay used the network");
  },
  listModels: () => {
    throw new Error("replay used the network");
  },
};

let server: OpenAiMockServer;
let recorded: Run;
let recordedJs: Run;

beforeAll(async () => {
  server = await startOpenAiMockServer({ chunkDelayMs: 2 });
  const llm = createDirectLlmClient({ env: { OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: "test-key" } });
  recorded = await run({ engine: "lua", source: LUA_SPELL, record: true }, llm);
  recordedJs = await run({ engine: "javascript", source: JS_SPELL, record: true }, llm);
  await server.close();
}, 60_000);

afterAll(async () => {
  await server?.close().catch(() => undefined);
});

describe("recording a run", () => {
  it("records every model call, the tool results that are not pure, and the clock", () => {
    expect(recorded.result.ok, JSON.stringify(recorded.result)).toBe(true);
    const rec = recorded.result.recording!;
    expect(parseRecording(JSON.parse(JSON.stringify(rec)))).toMatchObject({ ok: true });
    // helper: tool call, then the answer; the workflow's two branches; the stream.
    expect(rec.calls).toHaveLength(5);
    expect(rec.calls[0].chunks.some((c) => c.part.type === "tool-call")).toBe(true);
    expect(rec.calls.every((c) => c.chunks.at(-1)?.part.type === "finish")).toBe(true);
    expect(rec.calls.every((c) => c.chunks.some((p) => p.part.type === "usage"))).toBe(true);
    expect(rec.tools.map((t) => t.name)).toEqual(["uuid-generator", "datetime-handler"]);
    expect(rec.clock.filter((c) => c.kind === "time").length).toBeGreaterThanOrEqual(3);
    expect(rec.spell).toMatchObject({ engine: "lua", source: LUA_SPELL, model: "mock/default" });
    expect(rec.result).toMatchObject({ ok: true });
  });
});

describe("replaying a recording with the server stopped", () => {
  it("gives the same output, value and trace shape (Lua)", async () => {
    const recording = recorded.result.recording!;
    const replayed = await run({ engine: "lua", source: LUA_SPELL, replay: { recording } }, offline);
    expect(replayed.result.ok, JSON.stringify(replayed.result)).toBe(true);
    expect(replayed.lines).toEqual(recorded.lines);
    if (replayed.result.ok && recorded.result.ok) expect(replayed.result.value).toEqual(recorded.result.value);
    expect(traceShape(replayed.events)).toEqual(traceShape(recorded.events));
    expect(streamedText(replayed.events)).toEqual(streamedText(recorded.events));
  });

  it("gives the same output and value in JavaScript (Math.random, Date, uuid)", async () => {
    const recording = recordedJs.result.recording!;
    const replayed = await run({ engine: "javascript", source: JS_SPELL, replay: { recording } }, offline);
    expect(replayed.result.ok, JSON.stringify(replayed.result)).toBe(true);
    expect(replayed.lines).toEqual(recordedJs.lines);
    if (replayed.result.ok && recordedJs.result.ok) expect(replayed.result.value).toEqual(recordedJs.result.value);
  });

  it("keeps the recorded pace when asked", async () => {
    const recording = recordedJs.result.recording!;
    const paced = await run({ engine: "javascript", source: JS_SPELL, replay: { recording, speed: 4 } }, offline);
    expect(paced.result.ok).toBe(true);
    const gaps = recording.calls[0].chunks.map((c) => c.dt);
    expect(gaps.some((dt) => dt > 0)).toBe(true);
  });

  it("stops at the call whose prompt changed and names the message", async () => {
    const recording = recorded.result.recording!;
    const changed = LUA_SPELL.replace("second about", "2nd about");
    const replayed = await run({ engine: "lua", source: changed, replay: { recording } }, offline);
    expect(replayed.result.ok).toBe(false);
    if (replayed.result.ok) return;
    expect(replayed.result.error.kind).toBe("replay_diverged");
    expect(replayed.result.error.message).toMatch(
      /^call 4 \(openai\/gpt-test\): message 2 \(user\) differs: recorded "second about wasm", now "2nd about wasm"/,
    );
    const last = replayed.events.at(-1);
    expect(last, JSON.stringify(replayed.events.slice(-3))).toMatchObject({
      type: "error",
      error: { kind: "replay_diverged" },
    });
  });

  it("names a changed parameter", async () => {
    const recording: Recording = recordedJs.result.recording!;
    const changed = JS_SPELL.replace('.model("openai/gpt-test")', '.model("openai/gpt-test").temperature(0.3)');
    const replayed = await run({ engine: "javascript", source: changed, replay: { recording } }, offline);
    expect(replayed.result.ok).toBe(false);
    if (!replayed.result.ok)
      expect(replayed.result.error.message).toBe(
        "call 1 (openai/gpt-test): the parameter temperature differs: recorded unset, now 0.3",
      );
  });

  it("says when the spell makes more model calls than were recorded", async () => {
    const recording = recordedJs.result.recording!;
    const more = JS_SPELL.replace("export default", 'await helper.execute({ text: "one more" });\nexport default');
    const replayed = await run({ engine: "javascript", source: more, replay: { recording } }, offline);
    expect(replayed.result.ok).toBe(false);
    if (!replayed.result.ok)
      expect(replayed.result.error.message).toBe("call 2 (openai/gpt-test): the recording has only 1 model calls");
  });
});

describe("the recorded run's trace as OTLP/JSON", () => {
  it("re-imports into the same trace tree", () => {
    const trace = recorded.events.filter((e) => e.type === "trace");
    const otlp = JSON.parse(JSON.stringify(exportOtlpTrace(trace, { startedAtMs: Date.now(), includeContent: true })));
    const tree = (events: RunEvent[]) => {
      const view = createRunView();
      for (const e of events) applyRunEvent(view, e);
      return { roots: view.roots, nodes: view.nodes };
    };
    expect(tree(importOtlpTrace(otlp))).toEqual(tree(trace));
  });
});
