/**
 * Chunking for `RAG.ingest`: a document's text cut into chunks of at most `chunk_size` words (a word is a run of
 * non-whitespace) and at most RAG_BOUNDS.maxChunkChars characters, the next chunk repeating up to `overlap`
 * words of the one before. Each chunk is a slice of the original text, so its spacing and line breaks stay.
 *
 * Strategies (rs-llmspell's names): `sliding_window` (default; `fixed` is the same) packs words; `sentence`
 * packs whole sentences and `paragraph` whole paragraphs (blank-line separated), and a sentence or paragraph
 * longer than a chunk is cut by words. With them, the overlap repeats whole sentences or paragraphs.
 */
import { RAG_BOUNDS } from "@/lib/core/limits";

export const CHUNKING_STRATEGIES = ["sliding_window", "fixed", "sentence", "paragraph"] as const;
type ChunkingStrategy = (typeof CHUNKING_STRATEGIES)[number];

export interface ChunkingOptions {
  /** Words a chunk may hold. */
  chunkSize: number;
  /** Words the next chunk repeats; less than `chunkSize`. */
  overlap: number;
  strategy: ChunkingStrategy;
  /** Characters a chunk may hold (RAG_BOUNDS.maxChunkChars unless a test lowers it). */
  maxChars?: number;
}

/** rs-llmspell's defaults: 512 tokens with 64 of overlap (here words). */
export const DEFAULT_CHUNKING: ChunkingOptions = { chunkSize: 512, overlap: 64, strategy: "sliding_window" };

/** A run of the text `[start, end)` and how many words it holds. */
interface Unit {
  start: number;
  end: number;
  words: number;
}

/** Every word, as a unit; a word longer than `maxChars` is cut into pieces of `maxChars`. */
function splitWords(text: string, from: number, to: number, maxChars: number): Unit[] {
  const out: Unit[] = [];
  const re = /\S+/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const end = Math.min(m.index + m[0].length, to);
    for (let s = m.index; s < end; s += maxChars) out.push({ start: s, end: Math.min(s + maxChars, end), words: 1 });
  }
  return out;
}

/** Sentences (up to and including `.`, `!` or `?` and a following quote or bracket) or paragraphs. */
function splitBlocks(text: string, strategy: "sentence" | "paragraph"): { start: number; end: number }[] {
  const re = strategy === "sentence" ? /[^.!?]*(?:[.!?]+["')\]]*|$)/g : /[^]*?(?:\n[ \t]*\n|$)/g;
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(re)) {
    if (m[0].length === 0) continue;
    const lead = m[0].length - m[0].trimStart().length;
    const trimmed = m[0].trim();
    if (trimmed) out.push({ start: m.index + lead, end: m.index + lead + trimmed.length });
  }
  return out;
}

/** The units a strategy packs: words, or sentences/paragraphs (cut into words when one alone is too big). */
function unitsOf(text: string, opts: ChunkingOptions, maxChars: number): Unit[] {
  if (opts.strategy === "sliding_window" || opts.strategy === "fixed")
    return splitWords(text, 0, text.length, maxChars);
  const out: Unit[] = [];
  for (const block of splitBlocks(text, opts.strategy)) {
    const words = splitWords(text, block.start, block.end, maxChars);
    if (words.length <= opts.chunkSize && block.end - block.start <= maxChars)
      out.push({ start: block.start, end: block.end, words: words.length });
    else out.push(...words);
  }
  return out;
}

/**
 * The chunks of `text`, in order (none for blank text). Greedy packing: a chunk closes when the next unit would
 * pass `chunkSize` words or `maxChars` characters; the next chunk starts with the closed chunk's last units that
 * fit in `overlap` words (dropped from the front while the new unit does not fit).
 */
export function splitIntoChunks(text: string, opts: ChunkingOptions = DEFAULT_CHUNKING): string[] {
  const maxChars = opts.maxChars ?? RAG_BOUNDS.maxChunkChars;
  const units = unitsOf(text, opts, maxChars);
  const chunks: string[] = [];
  let current: Unit[] = [];
  let words = 0;
  /** Units added since the last chunk closed: a chunk of only repeated units is never emitted. */
  let fresh = 0;
  const chars = (list: Unit[], next: Unit) => (list.length === 0 ? next.end - next.start : next.end - list[0].start);
  const close = () => {
    chunks.push(text.slice(current[0].start, current[current.length - 1].end));
    fresh = 0;
    let kept = 0;
    let i = current.length;
    while (i > 0 && kept + current[i - 1].words <= opts.overlap) kept += current[--i].words;
    // The overlap never repeats the whole chunk, or the text would never advance.
    if (i === 0) i = 1;
    current = current.slice(i);
    words = current.reduce((n, u) => n + u.words, 0);
  };
  for (const unit of units) {
    const fits = () => words + unit.words <= opts.chunkSize && chars(current, unit) <= maxChars;
    if (current.length > 0 && !fits() && fresh > 0) close();
    while (current.length > 0 && !fits()) {
      words -= current[0].words;
      current.shift();
    }
    current.push(unit);
    words += unit.words;
    fresh++;
  }
  if (current.length > 0 && fresh > 0) close();
  return chunks;
}
