/**
 * How Memory and Context score a text against a query with no model call: the cosine of the mock embedding's
 * hashed word and character-trigram vectors (lib/llm/mock-embedding.ts), the same offline measure `mock/embed`
 * gives RAG. Deterministic, so scores are the same in every run and language.
 */
import { embedMockText } from "@/lib/llm/mock-embedding";

export type QueryVector = number[];

export const vectorOf = (text: string): QueryVector => embedMockText(text);

/** Cosine of two normalised vectors, rounded to 4 places so printed scores are stable. */
export function similarity(a: QueryVector, b: QueryVector): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i] * b[i];
  return Math.round(Math.max(0, dot) * 10_000) / 10_000;
}
