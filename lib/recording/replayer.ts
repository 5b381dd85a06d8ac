/**
 * Replaying a run: an {@link LlmClient} that answers every model and embedding call from a {@link Recording}
 * (no network, no key), at the recorded pace times `speed` or at once (`speed` 0), and a {@link RunTape} that
 * gives back the recorded clock values, tool results and seed.
 *
 * A request is matched to the first call not yet answered that has the same digest, so calls that run side by
 * side (a parallel workflow) may arrive in another order than recorded. A request that matches none diverges:
 * `onDiverge` gets a `replay_diverged` error naming the recorded call it is closest to (the most leading messages
 * in common, then the earliest) and the first message or parameter that differs (`data.step`: that call's number);
 * the call answers `cancelled`.
 *
 * A fork ("fork at step N") never diverges: a request answered by none of the recorded calls before step N (all of
 * them when no step is given) goes to the `live` client, the mock or the real model, and so does every later call
 * that the live answers changed. Embeddings the recording does not have go live too.
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
  /** Continue live instead of diverging: recorded calls from `atStep` on (1-based) are not used. */
  fork?: { live: LlmClient; atStep?: number };
}

export interface RunReplayer {
  llm: LlmClient;
  tape: RunTape;
  /** The divergence that stopped the replay, if any. */
  divergence(): SpellError | undefined;
  /** A fork: the number of the first model call answered live (in the order calls were made), if any was. */
  forkedAt(): number | undefined;
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
  const fork = opts.fork;
  // A fork at step N answers from recorded calls 1..N-1 only.
  const usable = fork?.atStep !== undefined ? Math.max(0, Math.min(recording.calls.length, fork.atStep - 1)) : Infinity;
  const callsLeft = recording.calls.flatMap((_, i) => (i < usable ? [i] : []));
  let firstLive: number | undefined;
  const embedsLeft = recording.embeds.map((_, i) => i);
  const toolsLeft = recording.tools.map((_, i) => i);
  const clockLeft = { time: [] as number[], cpu: [] as number[] };
  for (const read of recording.clock) clockLeft[read.kind].push(read.value);
  let diverged: SpellError | undefined;
  let callsMade = 0;
  let embedsMade = 0;

  const diverge = (message: string, step: number): SpellError => {
    const error = new SpellError("replay_diverged", message, { data: { step } });
    if (!diverged) {
      diverged = error;
      // After the failed call has unwound through its spans (so they end before the run does).
      setTimeout(() => opts.onDiverge(error), 0);
    }
    return error;
  };
  // Calls side by side end in the order they ended when recorded: an agent's history (the next request) holds
  // the replies in the order they came. A call's last part waits for the calls still in flight that ended
  // before it, then one task more, so their callers have taken the reply (no cycle: each waits for earlier ends).
  const endedAt = recording.calls.map((c) => c.startedMs + c.chunks.reduce((sum, k) => sum + k.dt, 0));
  const inFlight = new Map<number, Promise<void>>();
  const endAfterEarlierCalls = async (index: number) => {
    const earlier = [...inFlight].filter(([i]) => i !== index && endedAt[i] < endedAt[index]).map(([, p]) => p);
    if (earlier.length === 0) return;
    await Promise.all(earlier);
    await wait(1);
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
      if (at < 0 && fork) {
        firstLive ??= n;
        yield* fork.live.stream(request, signal) as AsyncIterable<StreamPart>;
        return;
      }
      if (at < 0) {
        const near = closest(summary, callsLeft, recording);
        const message =
          near === undefined
            ? `call ${n} (${request.model}): the recording has only ${recording.calls.length} model calls`
            : `call ${near + 1} (${request.model}): ${describeDifference(recording.calls[near].request, summary)}`;
        yield cancelledPart(diverge(message, near === undefined ? n : near + 1).message);
        return;
      }
      const [index] = callsLeft.splice(at, 1);
      const chunks = recording.calls[index].chunks;
      let finished!: () => void;
      inFlight.set(index, new Promise<void>((resolve) => (finished = resolve)));
      try {
        for (let c = 0; c < chunks.length; c++) {
          const { dt, part } = chunks[c];
          if (speed > 0) await wait(dt / speed, signal);
          if (c === chunks.length - 1) await endAfterEarlierCalls(index);
          if (signal?.aborted) {
            yield cancelledPart("The request was cancelled.");
            return;
          }
          yield part as StreamPart;
        }
      } finally {
        inFlight.delete(index);
        finished();
      }
    },
    async embed(modelId, texts, signal): Promise<EmbedResult> {
      const n = ++embedsMade;
      const digest = digestOf(texts);
      const at = embedsLeft.findIndex(
        (i) => recording.embeds[i].model === modelId && recording.embeds[i].textsDigest === digest,
      );
      if (at < 0 && fork) return fork.live.embed(modelId, texts, signal);
      if (at < 0) {
        const message = `embedding call ${n} (${modelId}, ${texts.length} texts): no recorded embedding call has these texts`;
        return { ok: false, kind: "cancelled", message: diverge(message, callsMade + 1).message };
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

  return { llm, tape, divergence: () => diverged, forkedAt: () => firstLive };
}
