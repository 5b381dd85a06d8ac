import { describe, expect, it } from "vitest";
import type { TraceEvent } from "@/lib/core/events";
import { exportOtlpTrace, importOtlpTrace, type OtlpSpan } from "./otlp";

/** A workflow running an agent that calls a model (which asks for a tool), the tool, the model again; a failing step. */
const EVENTS: TraceEvent[] = [
  {
    type: "trace",
    phase: "start",
    id: "workflow-1",
    kind: "workflow",
    name: "fan-out",
    t: 0,
    input: { topic: "wasm" },
  },
  { type: "trace", phase: "start", id: "agent-2", parentId: "workflow-1", kind: "agent", name: "helper", t: 1.5 },
  {
    type: "trace",
    phase: "start",
    id: "model-3",
    parentId: "agent-2",
    kind: "model",
    name: "openai/gpt-4o-mini",
    model: "openai/gpt-4o-mini",
    t: 2,
    input: { messages: 2, last: { role: "user", content: "stamp 2+2" }, tools: ["stamp"], temperature: 0.2 },
  },
  {
    type: "trace",
    phase: "end",
    id: "model-3",
    t: 40.25,
    durationMs: 38.25,
    model: "openai/gpt-4o-mini",
    tokens: { input: 11, output: 4 },
    costUsd: 0.0000041,
    output: { text: "", toolCalls: [{ name: "stamp", input: { expression: "2+2" } }], finishReason: "tool-calls" },
  },
  { type: "trace", phase: "start", id: "tool-4", parentId: "agent-2", kind: "tool", name: "stamp", t: 41, input: {} },
  { type: "trace", phase: "end", id: "tool-4", t: 42, durationMs: 1, output: { ok: true } },
  { type: "trace", phase: "end", id: "agent-2", t: 80, durationMs: 78.5, output: { text: "done" } },
  { type: "trace", phase: "start", id: "step-5", parentId: "workflow-1", kind: "step", name: "b", t: 81 },
  {
    type: "trace",
    phase: "end",
    id: "step-5",
    t: 82,
    durationMs: 1,
    error: { kind: "tool", message: "Tool execution failed: boom" },
  },
  { type: "trace", phase: "end", id: "workflow-1", t: 90, durationMs: 90, output: { success: false } },
];

const STARTED = Date.UTC(2026, 0, 15, 9, 30, 0);

function attr(span: OtlpSpan, key: string) {
  return span.attributes.find((a) => a.key === key)?.value;
}

describe("OTLP/JSON export", () => {
  const otlp = exportOtlpTrace(EVENTS, { startedAtMs: STARTED, traceId: "0af7651916cd43dd8448eb211c80319c" });
  const spans = otlp.resourceSpans[0].scopeSpans[0].spans;
  const byName = Object.fromEntries(spans.map((s) => [s.name, s]));

  it("has the OTLP shape: resourceSpans → scopeSpans → spans, with ids, times and parent links", () => {
    expect(otlp.resourceSpans).toHaveLength(1);
    expect(attr({ attributes: otlp.resourceSpans[0].resource.attributes } as OtlpSpan, "service.name")).toEqual({
      stringValue: "llmspell",
    });
    expect(spans.map((s) => s.name)).toEqual([
      "invoke_workflow fan-out",
      "invoke_agent helper",
      "chat gpt-4o-mini",
      "execute_tool stamp",
      "step b",
    ]);
    for (const s of spans) {
      expect(s.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(s.spanId).toMatch(/^[0-9a-f]{16}$/);
      expect(s.spanId).not.toBe("0000000000000000");
      expect(s.startTimeUnixNano).toMatch(/^\d+$/);
      expect(BigInt(s.endTimeUnixNano) >= BigInt(s.startTimeUnixNano)).toBe(true);
    }
    const wf = byName["invoke_workflow fan-out"];
    const agent = byName["invoke_agent helper"];
    expect(wf.parentSpanId).toBeUndefined();
    expect(agent.parentSpanId).toBe(wf.spanId);
    expect(byName["chat gpt-4o-mini"].parentSpanId).toBe(agent.spanId);
    expect(byName["execute_tool stamp"].parentSpanId).toBe(agent.spanId);
    expect(byName["chat gpt-4o-mini"].startTimeUnixNano).toBe(`${STARTED + 2}000000`);
    expect(byName["chat gpt-4o-mini"].endTimeUnixNano).toBe(`${STARTED + 40}250000`);
  });

  it("carries the GenAI attributes: operation, provider, model, temperature, usage, finish reasons", () => {
    const chat = byName["chat gpt-4o-mini"];
    expect(chat.kind).toBe(3); // CLIENT
    expect(attr(chat, "gen_ai.operation.name")).toEqual({ stringValue: "chat" });
    expect(attr(chat, "gen_ai.provider.name")).toEqual({ stringValue: "openai" });
    expect(attr(chat, "gen_ai.request.model")).toEqual({ stringValue: "gpt-4o-mini" });
    expect(attr(chat, "gen_ai.request.temperature")).toEqual({ doubleValue: 0.2 });
    expect(attr(chat, "gen_ai.usage.input_tokens")).toEqual({ intValue: "11" });
    expect(attr(chat, "gen_ai.usage.output_tokens")).toEqual({ intValue: "4" });
    expect(attr(chat, "gen_ai.response.finish_reasons")).toEqual({
      arrayValue: { values: [{ stringValue: "tool-calls" }] },
    });
    expect(attr(byName["invoke_workflow fan-out"], "gen_ai.operation.name")).toEqual({
      stringValue: "invoke_workflow",
    });
    expect(attr(byName["invoke_workflow fan-out"], "gen_ai.workflow.name")).toEqual({ stringValue: "fan-out" });
    expect(byName["invoke_agent helper"].kind).toBe(1); // INTERNAL
    expect(attr(byName["invoke_agent helper"], "gen_ai.agent.name")).toEqual({ stringValue: "helper" });
    expect(attr(byName["execute_tool stamp"], "gen_ai.operation.name")).toEqual({ stringValue: "execute_tool" });
    expect(attr(byName["execute_tool stamp"], "gen_ai.tool.name")).toEqual({ stringValue: "stamp" });
    expect(byName["step b"].status).toEqual({ code: 2, message: "Tool execution failed: boom" });
    expect(attr(byName["step b"], "error.type")).toEqual({ stringValue: "tool" });
  });

  it("leaves the messages out unless asked", () => {
    expect(attr(byName["chat gpt-4o-mini"], "gen_ai.input.messages")).toBeUndefined();
    expect(attr(byName["chat gpt-4o-mini"], "llmspell.input")).toBeUndefined();
    const full = exportOtlpTrace(EVENTS, { startedAtMs: STARTED, includeContent: true });
    const chat = full.resourceSpans[0].scopeSpans[0].spans[2];
    expect(JSON.parse((attr(chat, "gen_ai.input.messages") as { stringValue: string }).stringValue)).toEqual([
      { role: "user", parts: [{ type: "text", content: "stamp 2+2" }] },
    ]);
    expect(JSON.parse((attr(chat, "gen_ai.output.messages") as { stringValue: string }).stringValue)).toEqual([
      { role: "assistant", parts: [{ type: "text", content: "" }], finish_reason: "tool-calls" },
    ]);
  });
});

describe("OTLP/JSON import", () => {
  it("reads our export back into the same events (content included)", () => {
    const otlp = exportOtlpTrace(EVENTS, { startedAtMs: STARTED, includeContent: true });
    expect(importOtlpTrace(JSON.parse(JSON.stringify(otlp)))).toEqual(EVENTS);
  });

  it("reads the same tree back without content: ids, kinds, names, parents, tokens, costs, errors", () => {
    const back = importOtlpTrace(exportOtlpTrace(EVENTS, { startedAtMs: STARTED }));
    const strip = (e: TraceEvent) => {
      const { input: _i, output: _o, ...rest } = e as TraceEvent & { input?: unknown; output?: unknown };
      return rest;
    };
    expect(back).toEqual(EVENTS.map(strip));
  });

  it("reads another tool's GenAI spans by their conventions", () => {
    const foreign = {
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                {
                  traceId: "ab".repeat(16),
                  spanId: "1111111111111111",
                  name: "invoke_agent Researcher",
                  startTimeUnixNano: "1700000000000000000",
                  endTimeUnixNano: "1700000000500000000",
                  attributes: [
                    { key: "gen_ai.operation.name", value: { stringValue: "invoke_agent" } },
                    { key: "gen_ai.agent.name", value: { stringValue: "Researcher" } },
                  ],
                },
                {
                  traceId: "ab".repeat(16),
                  spanId: "2222222222222222",
                  parentSpanId: "1111111111111111",
                  name: "chat claude",
                  startTimeUnixNano: "1700000000100000000",
                  endTimeUnixNano: "1700000000400000000",
                  attributes: [
                    { key: "gen_ai.operation.name", value: { stringValue: "chat" } },
                    { key: "gen_ai.provider.name", value: { stringValue: "anthropic" } },
                    { key: "gen_ai.request.model", value: { stringValue: "claude" } },
                    { key: "gen_ai.usage.input_tokens", value: { intValue: 20 } },
                    { key: "gen_ai.usage.output_tokens", value: { intValue: "7" } },
                  ],
                  status: { code: "STATUS_CODE_ERROR", message: "overloaded" },
                },
              ],
            },
          ],
        },
      ],
    };
    expect(importOtlpTrace(foreign)).toEqual([
      { type: "trace", phase: "start", id: "agent-1111111111111111", kind: "agent", name: "Researcher", t: 0 },
      {
        type: "trace",
        phase: "start",
        id: "model-2222222222222222",
        parentId: "agent-1111111111111111",
        kind: "model",
        name: "anthropic/claude",
        model: "anthropic/claude",
        t: 100,
      },
      {
        type: "trace",
        phase: "end",
        id: "model-2222222222222222",
        t: 400,
        durationMs: 300,
        model: "anthropic/claude",
        tokens: { input: 20, output: 7 },
        error: { kind: "runtime", message: "overloaded" },
      },
      { type: "trace", phase: "end", id: "agent-1111111111111111", t: 500, durationMs: 500 },
    ]);
  });

  it("names what is wrong with a file that is not OTLP/JSON", () => {
    expect(() => importOtlpTrace({ spans: [] })).toThrow(/^not an OTLP\/JSON trace: resourceSpans: /);
    expect(() =>
      importOtlpTrace({ resourceSpans: [{ scopeSpans: [{ spans: [{ spanId: "1", name: "x" }] }] }] }),
    ).toThrow(/resourceSpans\.0\.scopeSpans\.0\.spans\.0\.startTimeUnixNano/);
  });
});
