/**
 * The security presets through a whole run (runSpell with the real engines): the preset's limits reach the
 * engine, a model that is not the mock is refused before the model client sees it, and a tool the preset leaves
 * out is refused with a message naming the preset. Engine-level cases: engines/conformance/cases/sandbox.ts.
 */
import { describe, expect, it } from "vitest";
import type { RunEvent } from "@/lib/core/events";
import type { SandboxPreset } from "@/lib/core/sandbox";
import { createMockLlmClient } from "@/lib/llm/mock";
import type { LlmClient } from "@/lib/llm/types";
import { createMemoryStateStore } from "@/lib/spell/state/memory";
import { runSpell } from "./run-spell";

/** The mock model, recording every model a run asked the client for. */
function recordingClient(): { llm: LlmClient; models: string[] } {
  const mock = createMockLlmClient();
  const models: string[] = [];
  return {
    models,
    llm: {
      stream(request, signal) {
        models.push(request.model);
        return mock.stream(request, signal);
      },
      embed: (m, t, s) => mock.embed(m, t, s),
      listModels: async () => [
        ...(await mock.listModels()),
        { name: "openai", available: true, models: [{ id: "openai/gpt-4o-mini" }] },
      ],
    },
  };
}

async function run(engine: "lua" | "javascript", source: string, sandbox?: SandboxPreset, mockAll = false) {
  const { llm, models } = recordingClient();
  const events: RunEvent[] = [];
  const result = await runSpell(
    { engine, source, ...(sandbox ? { sandbox } : {}), mockAll },
    { llm, state: createMemoryStateStore(), emit: (e) => events.push(e) },
  );
  return { result, models, events };
}

const AGENT = {
  lua: (model: string) =>
    `local a = Agent.builder():model("${model}"):build()\nlocal r = a:execute("hi")\nreturn r.text`,
  javascript: (model: string) =>
    `const a = Agent.builder().model("${model}").build();\nconst r = await a.execute("hi");\nreturn r.text;`,
};

for (const engine of ["lua", "javascript"] as const) {
  describe(`sandbox presets through runSpell (${engine})`, () => {
    it("strict refuses a model that is not the mock, naming the preset, before the client sees it", async () => {
      const { result, models } = await run(engine, AGENT[engine]("openai/gpt-4o-mini"), "strict");
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.kind).toBe("provider");
      expect(result.error.message).toContain(
        "the strict sandbox preset allows only mock/* models; 'openai/gpt-4o-mini' was refused",
      );
      expect(result.error.line).toBe(2);
      expect(models).toEqual([]);
    });

    it("strict runs the mock model, and a non-mock model under 'mock every model'", async () => {
      const mock = await run(engine, AGENT[engine]("mock/echo"), "strict");
      expect(mock.result.ok, JSON.stringify(mock.result)).toBe(true);
      const mocked = await run(engine, AGENT[engine]("openai/gpt-4o-mini"), "strict", true);
      expect(mocked.result.ok, JSON.stringify(mocked.result)).toBe(true);
      expect(mocked.models).toEqual(["mock/default"]);
    });

    it("standard lets the model client see any model (today's behaviour)", async () => {
      const { models } = await run(engine, AGENT[engine]("openai/gpt-4o-mini"));
      expect(models).toEqual(["openai/gpt-4o-mini"]);
    });

    it("strict shows other providers as unavailable to Provider.list", async () => {
      const source =
        engine === "lua"
          ? "local out = {}\nfor _, p in ipairs(Provider.list()) do out[p.name] = p.available end\nreturn out"
          : "const out = {};\nfor (const p of await Provider.list()) out[p.name] = p.available;\nreturn out;";
      const { result } = await run(engine, source, "strict");
      expect(result.ok && result.value).toMatchObject({ mock: true, openai: false });
    });

    it("minimal refuses a tool that is not pure with a message naming the preset", async () => {
      const source =
        engine === "lua"
          ? 'local r = Tool.execute("datetime-handler", { operation = "now" })\nreturn r'
          : 'const r = await Tool.execute("datetime-handler", { operation: "now" });\nreturn r;';
      const { result } = await run(engine, source, "minimal");
      expect(!result.ok && result.error).toMatchObject({
        kind: "unsupported_feature",
        message:
          "the tool 'datetime-handler' is not available under the minimal sandbox preset (it allows only pure tools)",
        line: 1,
      });
    });

    it("strict stops a spell over 2 s of CPU, and the request cannot raise it", async () => {
      const { llm } = recordingClient();
      const result = await runSpell(
        {
          engine,
          source: engine === "lua" ? "while true do end" : "for (;;) {}",
          sandbox: "strict",
          limits: { timeoutMs: 10_000 },
        },
        { llm, state: createMemoryStateStore(), emit: () => {} },
      );
      expect(!result.ok && result.error).toMatchObject({
        kind: "timeout",
        message: "the spell used more than its CPU time limit of 2000 ms",
      });
    });
  });
}
