/** Helpers for the spell API's unit tests: call host functions and methods directly, no engine needed. */
import type { ApiSurface, HandleRef, HostValue, SpellFunction } from "@/lib/core/engine";
import type { JsonValue } from "@/lib/core/json";
import type { RunEvent, TraceEnd, TraceStart } from "@/lib/core/events";
import { embedWithMock } from "@/lib/llm/mock";
import type { LlmClient, LlmRequest, ProviderInfo, StreamPart } from "@/lib/llm/types";
import { createSpellApi } from "./index";
import { createTestRuntime, type TestRuntimeOptions } from "./testing";

export interface Harness {
  api: ApiSurface;
  events: RunEvent[];
  /** `call("Tool.execute", "calculator", {...})` */
  call(path: string, ...args: HostValue[]): Promise<HostValue>;
  /** `callSync` for functions that must not return a Promise (builders). */
  callSync(path: string, ...args: HostValue[]): HostValue;
  /** `invoke(handle, "execute", {...})` */
  invoke(self: HostValue, method: string, ...args: HostValue[]): Promise<HostValue>;
  invokeSync(self: HostValue, method: string, ...args: HostValue[]): HostValue;
  /** Chain builder calls: `chain(Agent.builder(), ["name","a"], ["model","mock/echo"], ["build"])`. */
  chain(start: HostValue, ...calls: [string, ...HostValue[]][]): HostValue;
  traces(): (TraceStart | TraceEnd)[];
  starts(kind?: string): TraceStart[];
  logs(): string[];
}

export function createHarness(opts: TestRuntimeOptions = {}): Harness {
  const events: RunEvent[] = [];
  const runtime = createTestRuntime({ ...opts, emit: (e) => (events.push(e), opts.emit?.(e)) });
  const api = createSpellApi(runtime);
  const fnAt = (path: string) => {
    const [g, f] = path.split(".");
    const fn = api.globals[g]?.functions[f];
    if (!fn) throw new Error(`no host function ${path}`);
    return fn;
  };
  const methodOf = (self: HostValue, m: string) => {
    const ref = self as HandleRef;
    const fn = api.classes[ref.$class]?.methods[m];
    if (!fn) throw new Error(`no method ${ref.$class}.${m}`);
    return fn;
  };
  const h: Harness = {
    api,
    events,
    call: async (path, ...args) => fnAt(path)(args),
    callSync(path, ...args) {
      const v = fnAt(path)(args);
      if (v instanceof Promise) throw new Error(`${path} returned a Promise`);
      return v;
    },
    invoke: async (self, m, ...args) => methodOf(self, m)(self as HandleRef, args),
    invokeSync(self, m, ...args) {
      const v = methodOf(self, m)(self as HandleRef, args);
      if (v instanceof Promise) throw new Error(`${m} returned a Promise`);
      return v;
    },
    chain(start, ...calls) {
      let cur = start;
      for (const [m, ...args] of calls) cur = h.invokeSync(cur, m, ...args);
      return cur;
    },
    traces: () => events.filter((e): e is TraceStart | TraceEnd => e.type === "trace"),
    starts: (kind) =>
      events.filter((e): e is TraceStart => e.type === "trace" && e.phase === "start" && (!kind || e.kind === kind)),
    logs: () => events.flatMap((e) => (e.type === "log" ? [e.text] : [])),
  };
  return h;
}

/** A script function implemented in TypeScript (what an engine hands the host). */
export function spellFn(
  impl: (...args: JsonValue[]) => JsonValue | undefined | Promise<JsonValue | undefined>,
): SpellFunction & { calls: JsonValue[][] } {
  const calls: JsonValue[][] = [];
  return {
    __spellFunction: true,
    calls,
    async call(...args) {
      calls.push(args);
      const v = await impl(...args);
      return v === undefined ? null : v;
    },
  };
}

/** A scripted LLM client: each request gets the next reply; requests are recorded. */
export function createScriptedLlm(
  replies: (StreamPart[] | ((req: LlmRequest) => StreamPart[]))[],
  opts: { delayMs?: number; providers?: ProviderInfo[] } = {},
): LlmClient & { requests: LlmRequest[] } {
  const requests: LlmRequest[] = [];
  return {
    requests,
    async *stream(req, signal) {
      requests.push(structuredClone(req));
      const r = replies[Math.min(requests.length - 1, replies.length - 1)];
      const parts = typeof r === "function" ? r(req) : r;
      for (const p of parts) {
        if (opts.delayMs) await new Promise((res) => setTimeout(res, opts.delayMs));
        if (signal?.aborted) {
          yield { type: "error", kind: "cancelled", message: "cancelled" };
          return;
        }
        yield p;
      }
    },
    embed: embedWithMock,
    async listModels() {
      return (
        opts.providers ?? [
          { name: "mock", available: true, models: [{ id: "mock/default", price: { input: 1, output: 2 } }] },
        ]
      );
    },
  };
}

export const textReply = (text: string, usage = { inputTokens: 10, outputTokens: 5 }): StreamPart[] => [
  ...text.split(/(?<= )/).map((t): StreamPart => ({ type: "text-delta", text: t })),
  { type: "usage", usage },
  { type: "finish", finishReason: "stop" },
];

export const toolCallReply = (name: string, input: JsonValue, id = "call_1"): StreamPart[] => [
  { type: "tool-call", toolCallId: id, toolName: name, input },
  { type: "usage", usage: { inputTokens: 20, outputTokens: 3 } },
  { type: "finish", finishReason: "tool-calls" },
];
