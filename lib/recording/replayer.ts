/**
 * Replaying a run: an {@link LlmClient} that answers every model and embedding call from a {@link Recording}
 * (no network, no key), at the recorded pace times `speed` or at once (`speed` 0), and a {@link RunTape} that
 * gives back the recorded clock values, tool results and seed.
 *
 * A request is matched to the first call not yet answered that has the same digest, so calls that run side by
 * side (a parallel workflow) may arrive in another order than recorded. A request that matches none diverges:
 * `onDiverge` gets a `replay_diverged` error naming the recorded call it is closest to (the most leading messages
 * in common, then the earliest) and the first message or parameter that differs; the call answers `cancelled`.
 */
import { SpellError } from "@/lib/core/errors";
import type { JsonValue } from "@/lib/core/json";
import type { EmbedResult, LlmClient, LlmErrorKind, StreamPart } from "@/lib/llm/types";
import type { RunTape } from "@/lib/spell";
import { describeDifference, digestOf, sharedPrefix, summarizeRequest } from "./digest";
import type { Recording, RequestSummary } from "./schema";

export interface ReplayOptions {
  /** 1 = the recorded pace, 2 = twice as fast, 0 = no waiting at all. */
  speed?: number;
  /** Called once, at the first divergence (the runner stops the run with it). */
  onDiverge(error: SpellError): void;
}

export interface RunReplayer {
  llm: LlmClient;
  tape: RunTape;
  /** The divergence that stopped the replay, if any. */
  divergence(): SpellError | undefined;
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

/** The closest recorded call among those left: most leading messages in common, then the earliest. */
function closest(summary: RequestSummary, left: number[], recording: Recording): number | undefined {
  let best: number | undefined;
  let bestScore = -1;
  for (const i of left) {
    const score = sharedPrefix(recording.calls[i].request, summary);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

/** Output tokens the recorded reply used. */
function outputTokens(call: Recording["calls"][number]): number {
  for (const { part } of call.chunks) if (part.type === "usage") return part.usage.outputTokens;
  return 0;
}

/**
 * The position in `left` of the recorded call that answers `summary`: the same request, with the same token
 * limit, or a limit the recorded reply fits in (the budget lowers it by what calls side by side used). -1: none.
 */
function matchCall(recording: Recording, left: number[], summary: RequestSummary): number {
  const same = left.flatMap((i, at) => (recording.calls[i].request.digest === summary.digest ? [at] : []));
  const exact = same.find((at) => recording.calls[left[at]].request.maxTokens === summary.maxTokens);
  if (exact !== undefined) return exact;
  const fits = same.find(
    (at) => summary.maxTokens === undefined || outputTokens(recording.calls[left[at]]) <= summary.maxTokens,
  );
  return fits ?? -1;
}

export function createReplayer(recording: Recording, opts: ReplayOptions): RunReplayer {
  const speed = opts.speed ?? 0;
  const callsLeft = recording.calls.map((_, i) => i);
  const embedsLeft = recording.embeds.map((_, i) => i);
  const toolsLeft = recording.tools.map((_, i) => i);
  const clockLeft = { time: [] as number[], cpu: [] as number[] };
  for (const read of recording.clock) clockLeft[read.kind].push(read.value);
  let diverged: SpellError | undefined;
  let callsMade = 0;
  let embedsMade = 0;

  const diverge = (message: string): SpellError => {
    const error = new SpellError("replay_diverged", message);
    if (!diverged) {
      diverged = error;
      // After the failed call has unwound through its spans (so they end before the run does).
      setTimeout(() => opts.onDiverge(error), 0);
    }
    return error;
  };
  const cancelledPart = (message: string): StreamPart => ({
    type: "error",
    kind: "cancelled" satisfies LlmErrorKind,
    message,
  });

  const llm: LlmClient = {
    async *stream(request, signal) {
      const n = ++callsMade;
      const summary = summarizeRequest(request);
      if (diverged) {
        yield cancelledPart(diverged.message);
        return;
      }
      const at = matchCall(recording, callsLeft, summary);
      if (at < 0) {
        const near = closest(summary, callsLeft, recording);
        const message =
          near === undefined
            ? `call ${n} (${request.model}): the recording has only ${recording.calls.length} model calls`
            : `call ${near + 1} (${request.model}): ${describeDifference(recording.calls[near].request, summary)}`;
        yield cancelledPart(diverge(message).message);
        return;
      }
      const [index] = callsLeft.splice(at, 1);
      for (const { dt, part } of recording.calls[index].chunks) {
        if (speed > 0) await wait(dt / speed, signal);
        if (signal?.aborted) {
          yield cancelledPart("The request was cancelled.");
          return;
        }
        yield part as StreamPart;
      }
    },
    async embed(modelId, texts): Promise<EmbedResult> {
      const n = ++embedsMade;
      const digest = digestOf(texts);
      const at = embedsLeft.findIndex(
        (i) => recording.embeds[i].model === modelId && recording.embeds[i].textsDigest === digest,
      );
      if (at < 0) {
        const message = `embedding call ${n} (${modelId}, ${texts.length} texts): no recorded embedding call has these texts`;
        return { ok: false, kind: "cancelled", message: diverge(message).message };
      }
      const [index] = embedsLeft.splice(at, 1);
      return recording.embeds[index].result as EmbedResult;
    },
    async listModels() {
      return recording.providers;
    },
  };

  const tape: RunTape = {
    randomSeed: recording.randomSeed,
    clock(kind, live) {
      const value = clockLeft[kind].shift();
      return value === undefined ? live() : value;
    },
    async tool(name, params, run) {
      const digest = digestOf(params);
      const at = toolsLeft.findIndex(
        (i) => recording.tools[i].name === name && recording.tools[i].paramsDigest === digest,
      );
      // A call the recording does not have (the spell changed) runs live: tools need no network or key.
      if (at < 0) return run();
      const [index] = toolsLeft.splice(at, 1);
      return recording.tools[index].result as JsonValue;
    },
  };

  return { llm, tape, divergence: () => diverged };
}
