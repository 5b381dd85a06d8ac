import { describe, expect, it } from "vitest";
import type { LlmClient, StreamPart } from "@/lib/llm/types";
import type { Recording } from "@/lib/recording/schema";
import { runSpell } from "@/lib/runner/run-spell";
import type { RunController, RunRequest } from "@/lib/runner/types";
import { createMemoryStateStore } from "@/lib/spell/state/memory";
import { createEditorStore } from "./editor";
import { createRecordedRunStore } from "./recorded-run";
import { createRunStore } from "./run";
import { consoleText } from "./run-view";
import { createSettingsStore } from "./settings";
import { createFakeStorage } from "./test-storage";

const SPELL = `
local a = Agent.builder():name("a"):model("openai/gpt-test"):build()
print("one: " .. a:execute({text = "first question"}).text)
print("two: " .. a:execute({text = "second question"}).text)
`;

/** Stands in for a real model: answers with the prompt's last words. */
const realModel: LlmClient = {
  async *stream(request): AsyncGenerator<StreamPart> {
    const last = request.messages.at(-1);
    yield { type: "text-delta", text: `real answer to ${last?.role === "user" ? last.content : "?"}` };
    yield { type: "usage", usage: { inputTokens: 5, outputTokens: 4 } };
    yield { type: "finish", finishReason: "stop" };
  },
  embed: () => Promise.reject(new Error("no embeddings")),
  listModels: async () => [],
};

/** The page's own network: a replay must never use it. */
function watchedClient(inner: LlmClient) {
  const calls: string[] = [];
  const client: LlmClient = {
    stream(request, signal) {
      calls.push(request.model);
      return inner.stream(request, signal);
    },
    embed: inner.embed,
    listModels: inner.listModels,
  };
  return { client, calls };
}

/** A run controller that runs spells in this process. */
function inProcessController(llm: LlmClient): { controller: RunController; requests: RunRequest[] } {
  const requests: RunRequest[] = [];
  return {
    requests,
    controller: {
      ready: Promise.resolve(),
      run: (request, onEvent) => {
        requests.push(request);
        return runSpell(request, { llm, state: createMemoryStateStore(), emit: (e) => onEvent?.(e) });
      },
      cancel() {},
      dispose() {},
    },
  };
}

async function record(): Promise<Recording> {
  const result = await runSpell(
    { engine: "lua", source: SPELL, model: "openai/gpt-test", record: true },
    { llm: realModel, state: createMemoryStateStore(), emit: () => undefined },
  );
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return result.recording!;
}

function setup() {
  const network = watchedClient(realModel);
  const { controller, requests } = inProcessController(network.client);
  const run = createRunStore({ createController: () => controller, schedule: (f) => f() });
  const editor = createEditorStore({ session: createFakeStorage(), local: createFakeStorage() });
  const settings = createSettingsStore({ session: createFakeStorage(), local: createFakeStorage() });
  editor.getState().openSpell({ language: "lua", source: SPELL }, "test");
  const recorded = createRecordedRunStore({ run, editor, settings });
  return { run, editor, settings, recorded, network, requests };
}

describe("the recorded run on the page", () => {
  it("opens by replaying at once with the recording's model settings and no network", async () => {
    const recording = await record();
    const { run, recorded, network, requests } = setup();
    await recorded.getState().open(recording);
    expect(network.calls).toEqual([]);
    expect(requests[0]).toMatchObject({ model: "openai/gpt-test", replay: { recording, speed: 0 } });
    expect(requests[0].record).toBeUndefined();
    expect(run.getState().status).toBe("done");
    expect(consoleText(run.getState().view.lines)).toContain("two: real answer to second question");
    expect(recorded.getState()).toMatchObject({ active: true, divergence: null });
  });

  it("replays at the chosen speed, kept within 0.25x to 4x", async () => {
    const { recorded, requests } = setup();
    await recorded.getState().open(await record());
    recorded.getState().setSpeed(10);
    expect(recorded.getState().speed).toBe(4);
    recorded.getState().setSpeed(0.1);
    expect(recorded.getState().speed).toBe(0.25);
    recorded.getState().setSpeed(2);
    await recorded.getState().replay();
    expect(requests[1].replay?.speed).toBe(2);
  });

  it("a changed spell stops at the diverging step; Fork continues from there on the mock", async () => {
    const { run, editor, recorded, network } = setup();
    await recorded.getState().open(await record());
    editor.getState().setSource("lua", SPELL.replace("second question", "another question"));
    await recorded.getState().replay(0);
    expect(recorded.getState().divergence).toEqual({
      step: 2,
      message: expect.stringMatching(
        /^call 2 \(openai\/gpt-test\): message \d \(user\) differs: recorded "second question", now "another question"/,
      ),
    });
    expect(run.getState().status).toBe("failed");

    await recorded.getState().fork("mock");
    expect(network.calls).toEqual([]);
    expect(run.getState().status).toBe("done");
    const out = consoleText(run.getState().view.lines);
    expect(out).toContain("one: real answer to first question");
    expect(out).not.toContain("two: real answer");
    expect(out).toMatch(/two: .+/);
    expect(recorded.getState()).toMatchObject({ divergence: null, forked: { live: "mock" } });
    // The fork was recorded: its first call came from the recording, the second from the mock.
    const fork = run.getState().recording!;
    expect(fork.calls.map((c) => c.request.model)).toEqual(["openai/gpt-test", "openai/gpt-test"]);
  });

  it("forks on demand at step N with the real model, the calls before N replayed", async () => {
    const { run, recorded, network, settings, requests } = setup();
    settings.getState().setByokKey("byok-test-value");
    await recorded.getState().open(await record());
    await recorded.getState().fork("model", 2);
    expect(network.calls).toEqual(["openai/gpt-test"]);
    expect(requests[1]).toMatchObject({
      record: true,
      byokKey: "byok-test-value",
      replay: { fork: { live: "model", atStep: 2 } },
    });
    expect(run.getState().status).toBe("done");
  });

  it("a run the user starts takes the page back from the recording", async () => {
    const { run, recorded } = setup();
    await recorded.getState().open(await record());
    await run.getState().run({ engine: "lua", source: 'print("mine")' });
    expect(recorded.getState().active).toBe(false);
    expect(recorded.getState().recording).not.toBeNull();
  });
});
