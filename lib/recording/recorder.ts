/**
 * Recording a run: an {@link LlmClient} that passes every call through and keeps what came back (each streamed
 * part with its timing, embeddings, the model list), and a {@link RunTape} that keeps the clock values the spell
 * read, the tool results that are not pure, and the random seed. `finish` assembles the {@link Recording}.
 */
import type { ExecutionResult } from "@/lib/core/events";
import type { LlmClient, ProviderInfo, StreamPart } from "@/lib/llm/types";
import type { RunTape } from "@/lib/spell";
import { digestOf, summarizeRequest } from "./digest";
import { RECORDING_FORMAT, RECORDING_VERSION, type RecordedCall, type Recording } from "./schema";

export interface RunRecorder {
  /** The client the run uses: the inner one, observed. */
  llm: LlmClient;
  tape: RunTape;
  /** The recording of the run that ended with `result`. */
  finish(result: ExecutionResult): Recording;
}

/** A random 32-bit seed for a new recording. */
function newSeed(): number {
  return globalThis.crypto.getRandomValues(new Uint32Array(1))[0];
}

export function createRecorder(
  inner: LlmClient,
  spell: Recording["spell"],
  /** ms since the run started (the run's clock). */
  now: () => number,
): RunRecorder {
  const recordedAt = new Date().toISOString();
  const calls: RecordedCall[] = [];
  const embeds: Recording["embeds"] = [];
  const tools: Recording["tools"] = [];
  const clock: Recording["clock"] = [];
  let providers: ProviderInfo[] | undefined;
  const randomSeed = newSeed();

  const llm: LlmClient = {
    async *stream(request, signal) {
      // The call's place is taken now, so calls started side by side keep the order they started in.
      const startedMs = now();
      const entry: RecordedCall = { request: summarizeRequest(request), startedMs, chunks: [] };
      calls.push(entry);
      let last = startedMs;
      for await (const part of inner.stream(request, signal) as AsyncIterable<StreamPart>) {
        const t = now();
        entry.chunks.push({ dt: Math.max(0, Math.round((t - last) * 1000) / 1000), part });
        last = t;
        yield part;
      }
    },
    async embed(modelId, texts, signal) {
      const slot: Recording["embeds"][number] = {
        model: modelId,
        textsDigest: digestOf(texts),
        count: texts.length,
        result: { ok: false, kind: "cancelled", message: "The request was cancelled." },
      };
      embeds.push(slot);
      slot.result = await inner.embed(modelId, texts, signal);
      return slot.result;
    },
    async listModels() {
      const list = await inner.listModels();
      providers ??= list;
      return list;
    },
  };

  const tape: RunTape = {
    randomSeed,
    clock(kind, live) {
      const value = live();
      clock.push({ kind, value });
      return value;
    },
    async tool(name, params, run) {
      const paramsDigest = digestOf(params);
      const result = await run();
      tools.push({ name, paramsDigest, result });
      return result;
    },
  };

  return {
    llm,
    tape,
    finish(result) {
      return {
        format: RECORDING_FORMAT,
        version: RECORDING_VERSION,
        recordedAt,
        spell,
        providers: providers ?? [],
        calls,
        embeds,
        tools,
        clock,
        randomSeed,
        result: result.ok
          ? { ok: true, value: result.value, durationMs: result.stats.durationMs }
          : {
              ok: false,
              error: { kind: result.error.kind, message: result.error.message },
              durationMs: result.stats.durationMs,
            },
      };
    },
  };
}
