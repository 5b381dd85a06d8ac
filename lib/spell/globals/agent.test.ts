import { describe, expect, it } from "vitest";
import { SpellError } from "@/lib/core/errors";
import { type HostValue } from "@/lib/core/engine";
import { type JsonValue } from "@/lib/core/json";
import { type StreamEvent } from "@/lib/core/events";
import { createHarness, createScriptedLlm, spellFn, textReply, toolCallReply } from "../test-support";

type Obj = { [k: string]: JsonValue };

function agentWith(h: ReturnType<typeof createHarness>, ...calls: [string, ...HostValue[]][]) {
  return h.chain(h.callSync("Agent.builder"), ...calls, ["build"]);
}

describe("Agent builder", () => {
  it("validates arguments with errors naming the method and the argument type", () => {
    const h = createHarness({ engine: "lua" });
    const b = h.callSync("Agent.builder");
    expect(() => h.invokeSync(b, "temperature", "hot")).toThrow(
      "Agent.builder():temperature expects a number, got string",
    );
    expect(() => h.invokeSync(b, "temperature", 5)).toThrow(/temperature expects a value <= 2, got number 5/);
    expect(() => h.invokeSync(b, "max_tokens", 1.5)).toThrow(/max_tokens expects an integer, got number 1.5/);
    expect(() => h.invokeSync(b, "allowed_tools", "calculator")).toThrow(
      /allowed_tools expects a list \(table\), got string/,
    );
    try {
      h.invokeSync(b, "name", undefined);
    } catch (e) {
      expect(e).toBeInstanceOf(SpellError);
      expect((e as SpellError).kind).toBe("type");
      expect((e as SpellError).message).toBe("Agent.builder():name expects a string, got nil");
    }
    const js = createHarness({ engine: "javascript" });
    expect(() => js.invokeSync(js.callSync("Agent.builder"), "name", undefined)).toThrow(
      "Agent.builder():name expects a string, got undefined",
    );
  });

  it("splits provider/model on the first slash and returns the same builder for chaining", () => {
    const h = createHarness();
    const b = h.callSync("Agent.builder");
    expect(h.invokeSync(b, "model", "ollama/llama3.2:3b")).toBe(b);
    const a = h.invokeSync(b, "build");
    expect(h.invokeSync(a, "get_config")).toMatchObject({ provider: "ollama", model: "ollama/llama3.2:3b" });
  });

  it("a bare model name belongs to openai (as in rs-llmspell); no model means the run's default", () => {
    const h = createHarness();
    const bare = agentWith(h, ["model", "gpt-4o-mini"]);
    expect(h.invokeSync(bare, "get_config")).toMatchObject({ provider: "openai", model: "openai/gpt-4o-mini" });
    const withProvider = agentWith(h, ["model", "claude-3-haiku"], ["provider", "anthropic"]);
    expect(h.invokeSync(withProvider, "get_config")).toMatchObject({ model: "anthropic/claude-3-haiku" });
    expect(h.invokeSync(agentWith(h), "get_config")).toMatchObject({ model: "mock/default", provider: "mock" });
  });

  it("Agent.create raises the deprecation message; api_key is refused", () => {
    const h = createHarness();
    expect(() => h.callSync("Agent.create", {})).toThrow(/deprecated\. Use Agent\.builder\(\)/);
    expect(() => h.invokeSync(h.callSync("Agent.builder"), "api_key", "sk-x")).toThrow(/keys live on the server/);
  });

  it("statics: get, list, list_instances, discover, register", () => {
    const h = createHarness();
    const a = agentWith(h, ["name", "a1"], ["model", "mock/echo"]);
    expect(h.callSync("Agent.get", "a1")).toEqual(a);
    expect(h.callSync("Agent.get", "nope")).toBeNull();
    expect(h.callSync("Agent.register", { name: "r1", model: "mock/echo" })).toBe("r1");
    expect(h.callSync("Agent.list_instances")).toEqual(["a1", "r1"]);
    expect(h.callSync("Agent.list")).toEqual([
      { name: "a1", model: "mock/echo", type: "llm" },
      { name: "r1", model: "mock/echo", type: "llm" },
    ]);
    expect(h.callSync("Agent.discover")).toEqual([{ type: "llm" }, { type: "basic" }, { type: "tool-orchestrator" }]);
  });
});

describe("agent:execute", () => {
  it("returns text and metadata from the mock model, and traces agent and model spans with tokens", async () => {
    const h = createHarness();
    const a = agentWith(h, ["name", "echoer"], ["model", "mock/echo"]);
    const r = (await h.invoke(a, "execute", { text: "hello there" })) as Obj;
    expect(r.text).toBe("hello there");
    const md = r.metadata as Obj;
    expect(md).toMatchObject({ model: "mock/echo", provider: "mock", finish_reason: "stop", tool_calls: [] });
    expect((md.usage as Obj).output_tokens).toBeGreaterThan(0);
    expect(typeof md.execution_time_ms).toBe("number");
    const [agentStart] = h.starts("agent");
    const [modelStart] = h.starts("model");
    expect(agentStart).toMatchObject({ name: "echoer", model: "mock/echo" });
    expect(modelStart.parentId).toBe(agentStart.id);
    const modelEnd = h.traces().find((e) => e.phase === "end" && e.id === modelStart.id);
    expect(modelEnd).toMatchObject({ tokens: { output: 2 }, costUsd: 0 });
    const streamed = h.events.filter((e): e is StreamEvent => e.type === "stream");
    expect(streamed.map((e) => e.text).join("")).toBe("hello there");
    expect(streamed.every((e) => e.traceId === agentStart.id)).toBe(true);
  });

  it("a function inside the input (parameters) or response_format is a conversion error; the stream callback still crosses", async () => {
    const h = createHarness({ engine: "lua" });
    const fn = spellFn(() => null);
    const a = agentWith(h, ["model", "mock/echo"]);
    expect(() => h.invokeSync(a, "execute", { text: "hi", parameters: { f: fn } })).toThrow(
      "agent:execute: input.parameters.f is a function, which cannot be sent to an agent (only JSON values can)",
    );
    expect(() => h.invokeSync(a, "stream", { text: "hi", extra: [fn] }, fn)).toThrow(
      /^agent:stream: input\.extra\[1\] is a function/,
    );
    expect(() =>
      h.invokeSync(h.callSync("Agent.builder"), "response_format", { type: "object", properties: { f: fn } }),
    ).toThrow(
      "Agent.builder():response_format: schema.properties.f is a function, which cannot be part of a JSON Schema (only JSON values can)",
    );
    expect(h.starts("agent")).toEqual([]);
    const chunks = spellFn(() => null);
    expect(((await h.invoke(a, "stream", { text: "one two" }, chunks)) as Obj).text).toBe("one two");
    expect(chunks.calls.length).toBe(2);
  });

  it("accepts a plain string, rejects a missing text", async () => {
    const h = createHarness();
    const a = agentWith(h, ["model", "mock/echo"]);
    expect(((await h.invoke(a, "execute", "hi")) as Obj).text).toBe("hi");
    await expect(h.invoke(a, "execute", { prompt: "x" })).rejects.toThrow(
      "agent:execute expects input.text to be a string, got nil",
    );
  });

  it("keeps conversation history, capped by max_conversation_length", async () => {
    const llm = createScriptedLlm([textReply("one"), textReply("two"), textReply("three")]);
    const h = createHarness({ llm, mockAll: false });
    const a = agentWith(h, ["model", "mock/x"], ["system_prompt", "Be brief."], ["max_conversation_length", 2]);
    await h.invoke(a, "execute", { text: "q1" });
    await h.invoke(a, "execute", { text: "q2" });
    await h.invoke(a, "execute", { text: "q3" });
    expect(llm.requests[1].messages).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: "q1" },
      { role: "assistant", content: "one" },
      { role: "user", content: "q2" },
    ]);
    expect(llm.requests[2].messages.map((m) => (m.role === "tool" ? "" : m.content))).toEqual([
      "Be brief.",
      "q2",
      "two",
      "q3",
    ]);
  });

  it("a history cut to its length never starts with an orphan tool result", async () => {
    const llm = createScriptedLlm([
      toolCallReply("calculator", { operation: "evaluate", input: "1+1" }),
      textReply("two"),
      textReply("next"),
    ]);
    const h = createHarness({ llm, mockAll: false });
    const a = agentWith(h, ["model", "mock/x"], ["allow_tool", "calculator"], ["max_conversation_length", 3]);
    await h.invoke(a, "execute", { text: "q1" });
    await h.invoke(a, "execute", { text: "q2" });
    const roles = llm.requests[2].messages.map((m) => m.role);
    expect(roles[1]).toBe("user");
    expect(roles).not.toContain("tool");
    expect((h.invokeSync(a, "get_history") as Obj[]).map((m) => m.role)).toEqual(["user", "assistant"]);
  });

  it("passes temperature and max_tokens, and uses the default system prompt", async () => {
    const llm = createScriptedLlm([textReply("ok")]);
    const h = createHarness({ llm, mockAll: false });
    const a = agentWith(
      h,
      ["name", "bob"],
      ["description", "Helps."],
      ["model", "mock/x"],
      ["temperature", 0.3],
      ["max_tokens", 50],
    );
    await h.invoke(a, "execute", { text: "hi" });
    expect(llm.requests[0]).toMatchObject({ model: "mock/x", temperature: 0.3, maxTokens: 50 });
    expect(llm.requests[0].messages[0]).toEqual({ role: "system", content: "You are bob, an AI assistant. Helps." });
  });

  it("mockAll routes every model to the mock provider, and metadata names the mock as the provider", async () => {
    const llm = createScriptedLlm([textReply("ok"), textReply("ok"), textReply("ok")]);
    const h = createHarness({ llm, mockAll: true });
    for (const model of ["openai/gpt-4o-mini", "gpt-4o-mini"]) {
      const r = (await h.invoke(agentWith(h, ["model", model]), "execute", { text: "hi" })) as Obj;
      expect((r.metadata as Obj).model).toBe("mock/default");
      expect((r.metadata as Obj).provider).toBe("mock");
    }
    expect(llm.requests.map((r) => r.model)).toEqual(["mock/default", "mock/default"]);
    const own = (await h.invoke(agentWith(h, ["model", "mock/echo"]), "execute", { text: "hi" })) as Obj;
    expect(own.metadata).toMatchObject({ model: "mock/echo", provider: "mock" });
  });

  it("a provider error becomes a provider SpellError and fires AgentError", async () => {
    const llm = createScriptedLlm([[{ type: "error", kind: "unavailable", message: "OPENAI_API_KEY is not set" }]]);
    const h = createHarness({ llm, mockAll: false });
    const seen = spellFn(() => "continue");
    h.callSync("Hook.register", "AgentError", seen);
    const a = agentWith(h, ["model", "openai/gpt-4o"]);
    const err = await h.invoke(a, "execute", { text: "hi" }).catch((e) => e);
    expect(err).toMatchObject({ kind: "provider", message: "openai/gpt-4o: OPENAI_API_KEY is not set" });
    expect(seen.calls[0][0]).toMatchObject({
      point: "AgentError",
      component: { type: "agent" },
      data: { error: { kind: "provider" } },
    });
  });
});

describe("tool calling", () => {
  it("runs the tool the model asks for, sends the result back, and finishes, all traced", async () => {
    const h = createHarness();
    const a = agentWith(h, ["name", "calc"], ["model", "mock/default"], ["allow_tool", "calculator"]);
    const r = (await h.invoke(a, "execute", { text: "calculate something" })) as Obj;
    const calls = (r.metadata as Obj).tool_calls as Obj[];
    expect(calls).toHaveLength(1);
    expect(calls[0].name).toBe("calculator");
    expect(r.text).toMatch(/Based on the tool result, the calculator tool returned/);
    // The model reads the result once: not again as `_raw_text` (the spell's copy), and no empty metadata.
    expect(r.text).toMatch(/"operation":"evaluate"/);
    expect(r.text).not.toMatch(/_raw_text|"metadata":\{\}/);
    expect(calls[0].output).toHaveProperty("_raw_text");
    const agent = h.starts("agent")[0];
    const tool = h.starts("tool")[0];
    expect(tool).toMatchObject({ name: "calculator", parentId: agent.id });
    expect(h.starts("model").map((s) => s.parentId)).toEqual([agent.id, agent.id]);
  });

  it("offers spell-registered tools, runs their script function, and stops at max_tool_calls", async () => {
    const llm = createScriptedLlm([
      toolCallReply("shout", { text: "a" }, "c1"),
      toolCallReply("shout", { text: "b" }, "c2"),
      textReply("done"),
    ]);
    const h = createHarness({ llm, mockAll: false });
    const exec = spellFn((p) => ({ success: true, result: String((p as Obj).text).toUpperCase() }));
    h.callSync("Tool.register", {
      name: "shout",
      description: "Upper-case",
      parameters: { type: "object", properties: { text: { type: "string" } }, required: ["text"] },
      execute: exec,
    });
    const a = agentWith(h, ["model", "mock/x"], ["allowed_tools", ["shout"]], ["max_tool_calls", 1]);
    const r = (await h.invoke(a, "execute", { text: "go" })) as Obj;
    expect(exec.calls).toEqual([[{ text: "a" }]]);
    expect(llm.requests[0].tools?.map((t) => t.name)).toEqual(["shout"]);
    expect(llm.requests[1].tools).toBeUndefined();
    expect(llm.requests[1].messages.at(-1)).toEqual({
      role: "tool",
      toolCallId: "c1",
      toolName: "shout",
      output: { success: true, result: "A" },
    });
    expect(((r.metadata as Obj).tool_calls as Obj[]).length).toBe(1);
  });

  it("caps tool calls at the run's limits.maxToolCalls even when the agent allows more", async () => {
    const llm = createScriptedLlm([
      toolCallReply("uuid-generator", { operation: "generate" }),
      toolCallReply("uuid-generator", { operation: "generate" }, "c2"),
      textReply("done"),
    ]);
    const h = createHarness({ llm, mockAll: false, limits: { maxToolCalls: 1 } });
    const a = agentWith(h, ["model", "mock/x"], ["allow_tool", "uuid-generator"], ["max_tool_calls", 10]);
    const r = (await h.invoke(a, "execute", { text: "go" })) as Obj;
    expect(((r.metadata as Obj).tool_calls as Obj[]).length).toBe(1);
    expect(llm.requests).toHaveLength(2);
  });

  it("a failing tool is reported back to the model, not fatal; a tool the agent does not allow is refused", async () => {
    const llm = createScriptedLlm([
      toolCallReply("calculator", {}),
      toolCallReply("hash-calculator", { operation: "hash", input: "x" }, "c2"),
      textReply("sorry"),
    ]);
    const h = createHarness({ llm, mockAll: false });
    const a = agentWith(h, ["model", "mock/x"], ["allow_tool", "calculator"], ["max_tool_calls", 3]);
    const r = (await h.invoke(a, "execute", { text: "go" })) as Obj;
    const calls = (r.metadata as Obj).tool_calls as Obj[];
    expect(calls.map((c) => c.error)).toEqual([true, true]);
    expect(JSON.stringify(calls[1].output)).toMatch(/does not allow/);
    expect(r.text).toBe("sorry");
  });

  it("an allowed tool that does not exist is a not_found error", async () => {
    const h = createHarness();
    const a = agentWith(h, ["allow_tool", "no-such-tool"]);
    await expect(h.invoke(a, "execute", { text: "x" })).rejects.toMatchObject({
      kind: "not_found",
      message: expect.stringMatching(/no-such-tool/),
    });
  });
});

describe("response_format", () => {
  const schema = {
    type: "object",
    properties: { title: { type: "string" }, score: { type: "number" } },
    required: ["title", "score"],
  };

  it("parses the JSON reply into data (mock answers with a valid instance)", async () => {
    const h = createHarness();
    const a = agentWith(h, ["model", "mock/default"], ["response_format", schema]);
    const r = (await h.invoke(a, "execute", { text: "rate this" })) as Obj;
    expect(typeof (r.data as Obj).title).toBe("string");
    expect(typeof (r.data as Obj).score).toBe("number");
  });

  it("rejects a reply that does not match the schema, or is not JSON", async () => {
    const h = createHarness({
      llm: createScriptedLlm([textReply('{"title": 3}'), textReply("not json")]),
      mockAll: false,
    });
    const a = agentWith(h, ["model", "mock/x"], ["response_format", schema]);
    await expect(h.invoke(a, "execute", "x")).rejects.toMatchObject({
      kind: "provider",
      message: expect.stringMatching(/does not match response_format/),
    });
    await expect(h.invoke(a, "execute", "x")).rejects.toThrow(/not JSON/);
  });

  it("a schema whose root is not an object: the scalar JSON reply is parsed and validated too", async () => {
    const h = createHarness();
    const a = agentWith(h, ["model", "mock/default"], ["response_format", { type: "integer" }]);
    const r = (await h.invoke(a, "execute", { text: "how many?" })) as Obj;
    expect(Number.isInteger(r.data)).toBe(true);
    expect(r.text).toBe(String(r.data));
    const scripted = createHarness({ llm: createScriptedLlm([textReply('"seven"'), textReply("7")]), mockAll: false });
    const b = agentWith(scripted, ["model", "mock/x"], ["response_format", { type: "integer" }]);
    await expect(scripted.invoke(b, "execute", "x")).rejects.toMatchObject({
      kind: "provider",
      message: expect.stringMatching(/does not match response_format/),
    });
    expect(((await scripted.invoke(b, "execute", "x")) as Obj).data).toBe(7);
    // Without response_format only an object or an array becomes data.
    const echo = agentWith(h, ["model", "mock/echo"]);
    expect((await h.invoke(echo, "execute", { text: "42" })) as Obj).not.toHaveProperty("data");
  });

  it("refuses a schema that is not a JSON Schema", () => {
    const h = createHarness();
    expect(() => h.invokeSync(h.callSync("Agent.builder"), "response_format", { type: "no-such-type" })).toThrow(
      /expects a JSON Schema/,
    );
  });
});

describe("streaming", () => {
  it("stream(input, cb) calls the callback per delta in order and returns the final result", async () => {
    const h = createHarness();
    const a = agentWith(h, ["model", "mock/echo"]);
    const got: string[] = [];
    const cb = spellFn((c) => void got.push(String((c as Obj).text)));
    const r = (await h.invoke(a, "stream", { text: "one two three" }, cb)) as Obj;
    expect(got).toEqual(["one ", "two ", "three"]);
    expect(r.text).toBe("one two three");
    const r2 = (await h.invoke(a, "invokeStream", { text: "x y" }, cb)) as Obj;
    expect(r2).toMatchObject({ success: true, chunks_received: 2, text: "x y" });
  });

  it("stream(input) without a callback is an iterator object (next until nil, then result)", async () => {
    const h = createHarness();
    const a = agentWith(h, ["model", "mock/echo"]);
    const s = h.invokeSync(a, "stream", { text: "a b c" });
    expect(s).toMatchObject({ $class: "AgentStream" });
    expect(h.api.classes.AgentStream.asyncIteratorNext).toBe("next");
    const chunks: JsonValue[] = [];
    for (;;) {
      const c = await h.invoke(s, "next");
      if (c === null) break;
      chunks.push(c as JsonValue);
    }
    expect(chunks).toEqual([{ text: "a " }, { text: "b " }, { text: "c" }]);
    expect(await h.invoke(s, "next")).toBeNull();
    expect(((await h.invoke(s, "result")) as Obj).text).toBe("a b c");
  });

  it("a stream whose model fails raises from next()", async () => {
    const h = createHarness({
      llm: createScriptedLlm([
        [
          { type: "text-delta", text: "par" },
          { type: "error", kind: "upstream", message: "boom" },
        ],
      ]),
      mockAll: false,
    });
    const a = agentWith(h, ["model", "mock/x"]);
    const s = h.invokeSync(a, "stream", "x");
    expect(await h.invoke(s, "next")).toEqual({ text: "par" });
    await expect(h.invoke(s, "next")).rejects.toMatchObject({ kind: "provider" });
  });
});

describe("budgets, time limits and cancellation", () => {
  it("enforces limits.maxModelCalls with a clear error", async () => {
    const h = createHarness({ limits: { maxModelCalls: 2 } });
    const a = agentWith(h, ["model", "mock/echo"]);
    await h.invoke(a, "execute", "1");
    await h.invoke(a, "execute", "2");
    await expect(h.invoke(a, "execute", "3")).rejects.toMatchObject({
      kind: "api",
      message: expect.stringMatching(/at most 2 model calls \(limits\.maxModelCalls\)/),
    });
  });

  it("enforces limits.maxRunTokens, and caps max_tokens at the tokens left", async () => {
    const llm = createScriptedLlm([textReply("a", { inputTokens: 60, outputTokens: 30 })]);
    const h = createHarness({ llm, mockAll: false, limits: { maxRunTokens: 100 } });
    const a = agentWith(h, ["model", "mock/x"]);
    await h.invoke(a, "execute", "1");
    expect(llm.requests[0].maxTokens).toBe(100);
    await h.invoke(a, "execute", "2");
    expect(llm.requests[1].maxTokens).toBe(10);
    await expect(h.invoke(a, "execute", "3")).rejects.toThrow(/used 180 of its 100 tokens \(limits\.maxRunTokens\)/);
  });

  it("max_execution_time gives a timeout error", async () => {
    const h = createHarness({ llm: createScriptedLlm([textReply("a b c d e f")], { delayMs: 100 }), mockAll: false });
    const a = agentWith(h, ["model", "mock/x"], ["max_execution_time", 0.15]);
    await expect(h.invoke(a, "execute", "x")).rejects.toMatchObject({
      kind: "timeout",
      message: expect.stringMatching(/max_execution_time/),
    });
  });

  it("honours the run's abort signal", async () => {
    const ctrl = new AbortController();
    const h = createHarness({
      signal: ctrl.signal,
      llm: createScriptedLlm([textReply("a b c d e f")], { delayMs: 30 }),
      mockAll: false,
    });
    const a = agentWith(h, ["model", "mock/x"]);
    const p = h.invoke(a, "execute", "x");
    setTimeout(() => ctrl.abort(), 40);
    await expect(p).rejects.toMatchObject({ kind: "cancelled" });
    await expect(h.invoke(a, "execute", "x")).rejects.toMatchObject({ kind: "cancelled" });
  });
});
