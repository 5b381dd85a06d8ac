/**
 * The JavaScript engine with the real spell API (`createSpellApi`) and the mock model: the idioms docs/spell-api.md
 * promises for JavaScript (builders, awaited methods, `for await` streams, callbacks, host errors).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { ExecutionResult, RunEvent } from "@/lib/core/events";
import type { ScriptEngine } from "@/lib/core/engine";
import { createSpellApi } from "@/lib/spell/index";
import { createTestRuntime } from "@/lib/spell/testing";
import { createJavascriptEngine } from "@/engines/javascript/engine";

let engine: ScriptEngine;
beforeAll(async () => {
  engine = await createJavascriptEngine();
});

async function runSpell(source: string, events: RunEvent[] = []): Promise<ExecutionResult> {
  const api = createSpellApi(createTestRuntime({ engine: "javascript", emit: (e) => events.push(e) }));
  return engine.execute(source, { api, onEvent: (e) => events.push(e) });
}

describe("JavaScript spells against the spell API", () => {
  it("builds an agent and awaits its reply", async () => {
    const r = await runSpell(
      'const agent = Agent.builder().name("a").model("mock/echo").build();\nconst reply = await agent.execute({ text: "hello" });\nreturn reply.text',
    );
    expect(r).toMatchObject({ ok: true, value: "hello" });
  });

  it("streams an agent's reply with for await and with a callback", async () => {
    const events: RunEvent[] = [];
    const r = await runSpell(
      'const agent = Agent.builder().model("mock/default").build();\nconst parts = [];\nfor await (const chunk of agent.stream({ text: "one two three" })) parts.push(chunk.text);\nlet calls = 0;\nconst final = await agent.stream({ text: "again" }, (chunk) => { calls++ });\nreturn { joined: parts.join(""), many: parts.length > 1, calls: calls > 1, text: typeof final.text }',
      events,
    );
    expect(r).toMatchObject({ ok: true, value: { many: true, calls: true, text: "string" } });
    expect(events.some((e) => e.type === "stream")).toBe(true);
  });

  it("runs a spell-registered tool whose execute is a JavaScript function", async () => {
    const r = await runSpell(
      'Tool.register({ name: "shout", description: "upper-case", parameters: { type: "object", properties: { s: { type: "string" } }, required: ["s"] }, execute: async (p) => ({ out: p.s.toUpperCase() }) });\nreturn await Tool.execute("shout", { s: "hey" })',
    );
    expect(r.ok).toBe(true);
    expect(JSON.stringify(r.ok && r.value)).toContain("HEY");
  });

  it("calls hook callbacks while the spell awaits the agent", async () => {
    const r = await runSpell(
      'const seen = [];\nHook.register("BeforeAgentExecution", (ctx) => { seen.push(ctx.point); return "continue" });\nconst agent = Agent.builder().model("mock/echo").build();\nawait agent.execute({ text: "x" });\nreturn seen',
    );
    expect(r).toMatchObject({ ok: true, value: ["BeforeAgentExecution"] });
  });

  it("raises API errors as catchable SpellErrors and keeps their kind when uncaught", async () => {
    const caught = await runSpell(
      'try { await Tool.execute("no-such-tool", {}) } catch (e) { return [e instanceof SpellError, e.kind] }',
    );
    expect(caught).toMatchObject({ ok: true, value: [true, "not_found"] });
    const uncaught = await runSpell('\nawait Tool.execute("no-such-tool", {})');
    expect(uncaught.ok).toBe(false);
    if (!uncaught.ok) expect(uncaught.error).toMatchObject({ kind: "not_found", line: 2 });
  });

  it("keeps the standard JSON object in JavaScript", async () => {
    const r = await runSpell("return JSON.parse(JSON.stringify({ a: [1, 2] }))");
    expect(r).toMatchObject({ ok: true, value: { a: [1, 2] } });
  });
});
