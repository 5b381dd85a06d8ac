/**
 * The run's model settings (`RunRequest.modelParams`, the page's sliders or the CLI's flags): they reach agents
 * that set none, are kept in the recording, and a replay that uses the recording's settings sends the same
 * requests (one that drops them diverges, naming the parameter).
 */
import { describe, expect, it } from "vitest";
import type { RunEvent, TraceStart } from "@/lib/core/events";
import { createMockLlmClient } from "@/lib/llm/mock";
import { parseRecording } from "@/lib/recording/schema";
import { createMemoryStateStore } from "@/lib/spell/state/memory";
import { runSpell } from "./run-spell";
import type { RunRequest } from "./types";

const SPELL =
  'local a = Agent.builder():name("a"):model("mock/default"):build()\nreturn a:execute({ text = "hi" }).text';

const run = async (request: RunRequest) => {
  const events: RunEvent[] = [];
  const result = await runSpell(request, {
    llm: createMockLlmClient(),
    state: createMemoryStateStore(),
    emit: (e) => events.push(e),
  });
  return { result, events };
};

describe("model settings of a run", () => {
  it("reach the agent, are recorded, and replay without divergence", async () => {
    const request: RunRequest = { engine: "lua", source: SPELL, modelParams: { temperature: 0.3, seed: 11 } };
    const recorded = await run({ ...request, record: true });
    expect(recorded.result.ok).toBe(true);
    const model = recorded.events.find(
      (e): e is TraceStart => e.type === "trace" && e.phase === "start" && e.kind === "model",
    );
    expect((model?.input as { params: object }).params).toMatchObject({
      temperature: { value: 0.3, source: "settings" },
      seed: { value: 11, source: "settings" },
    });
    const parsed = parseRecording(JSON.parse(JSON.stringify(recorded.result.recording)));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.recording.spell.modelParams).toEqual({ temperature: 0.3, seed: 11 });

    const replay = { recording: parsed.recording };
    const same = await run({ engine: "lua", source: SPELL, modelParams: parsed.recording.spell.modelParams, replay });
    expect(same.result.ok && same.result.value).toEqual(recorded.result.ok && recorded.result.value);

    const dropped = await run({ engine: "lua", source: SPELL, replay });
    expect(dropped.result.ok).toBe(false);
    expect(!dropped.result.ok && dropped.result.error.message).toMatch(/temperature differs: recorded 0.3, now unset/);
  });

  it("are left out of a recording when none are set", async () => {
    const { result } = await run({ engine: "lua", source: SPELL, modelParams: {}, record: true });
    expect(result.recording?.spell.modelParams).toBeUndefined();
  });
});
