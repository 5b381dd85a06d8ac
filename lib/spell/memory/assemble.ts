/**
 * rs-llmspell's context assembly (`llmspell-context` ContextAssembler) over scored chunks: drop those below the
 * confidence floor, take the best first while they fit the token budget (4 characters a token, as rs
 * estimates), and report the average score, the time span and the formatted text in rs's layout
 * (`[time | score: 0.83 | source: s]\ncontent`, chunks joined by `\n\n---\n\n`).
 */
import type { JsonValue } from "@/lib/core/json";

export interface CandidateChunk {
  id: string;
  content: string;
  source: string;
  /** ISO 8601. */
  timestamp: string;
  metadata: JsonValue;
  score: number;
  ranker: string;
}

/** The lowest score kept. */
const MIN_CONFIDENCE = 0.1;

const estimateTokens = (text: string) => Math.ceil(text.length / 4);

const stamp = (iso: string) => iso.slice(0, 19).replace("T", " ");

export function assembleContext(candidates: CandidateChunk[], maxTokens: number): JsonValue {
  const ranked = candidates
    .filter((c) => c.score >= MIN_CONFIDENCE)
    .sort((a, b) => b.score - a.score || b.timestamp.localeCompare(a.timestamp));
  const chosen: CandidateChunk[] = [];
  let tokens = 0;
  for (const c of ranked) {
    const t = estimateTokens(c.content);
    if (tokens + t > maxTokens) break;
    tokens += t;
    chosen.push(c);
  }
  if (chosen.length === 0)
    return { chunks: [], total_confidence: 0, temporal_span: [null, null], token_count: 0, formatted: "" };
  const times = chosen.map((c) => c.timestamp).sort();
  const average = chosen.reduce((n, c) => n + c.score, 0) / chosen.length;
  return {
    chunks: chosen.map((c) => ({
      chunk: { id: c.id, content: c.content, source: c.source, timestamp: c.timestamp, metadata: c.metadata },
      score: c.score,
      ranker: c.ranker,
    })),
    total_confidence: Math.round(average * 10_000) / 10_000,
    temporal_span: [times[0], times[times.length - 1]],
    token_count: tokens,
    formatted: chosen
      .map((c) => `[${stamp(c.timestamp)} | score: ${c.score.toFixed(2)} | source: ${c.source}]\n${c.content}`)
      .join("\n\n---\n\n"),
  };
}
