/**
 * Property: recording any example spell (either language, either mock model, with or without `mockAll`) and
 * replaying the recording with no model client at all gives the same printed output and the same value.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LlmClient } from "@/lib/llm/types";
import { createMockLlmClient } from "@/lib/llm/mock";
import { parseRecording } from "@/lib/recording/schema";
import { createMemoryStateStore } from "@/lib/spell/state/memory";
import { EXAMPLES } from "@/examples/catalog";
import { runSpell } from "./run-spell";
import type { RunRequest } from "./types";

const unreachable: LlmClient = {
  stream: () => {
    throw new Error("a replay called the model client");
  },
  embed: () => {
    throw new Error("a replay called the model client");
  },
  listModels: () => {
    throw new Error("a replay called the model client");
  },
};

const run = (request: RunRequest, llm: LlmClient) =>
  runSpell(request, { llm, state: createMemoryStateStore(), emit: () => undefined });

describe("record and replay the examples", () => {
  it("a replay prints and returns what the recorded run did", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...EXAMPLES),
        fc.constantFrom("lua", "javascript"),
        fc.boolean(),
        async (example, engine, mockAll) => {
          const source = engine === "lua" ? example.lua : example.js;
          const request: RunRequest = { engine, source, model: example.model ?? "mock/default", mockAll };
          const recorded = await run({ ...request, record: true }, createMockLlmClient());
          expect(recorded.ok, JSON.stringify(!recorded.ok && recorded.error)).toBe(true);
          // Through JSON, as a file or a link carries it.
          const parsed = parseRecording(JSON.parse(JSON.stringify(recorded.recording)));
          if (!parsed.ok) throw new Error(parsed.message);
          const replayed = await run({ ...request, replay: { recording: parsed.recording } }, unreachable);
          expect(replayed.logs.map((l) => l.text)).toEqual(recorded.logs.map((l) => l.text));
          expect(replayed.ok && replayed.value).toEqual(recorded.ok && recorded.value);
        },
      ),
      { numRuns: 24 },
    );
  }, 120_000);
});
