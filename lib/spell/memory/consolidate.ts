/**
 * Consolidation without a model: episodic entries become semantic entities by rule, because rs-llmspell's
 * consolidation needs an LLM and its in-memory fallback makes none. An entity is a name the text marks as one:
 * a run of capitalised words that does not open a sentence ("New York", "Rust"), a word with an inner capital
 * or digit ("WebSocket", "GPT4"), or an all-capitals word of two or more letters ("CSV", acronyms). Each entity
 * keeps how often and where it was mentioned.
 */
import { randomUuid, type JsonObject } from "../core/values";
import type { EpisodicEntry, Entity } from "./records";

const STOP = new Set(["I", "I'm", "I'll", "OK", "A", "The", "This", "That", "It", "We", "You"]);

/** The entity names one text mentions, each once, as `{ name, type }`. */
export function extractEntities(text: string): { name: string; type: string }[] {
  const found = new Map<string, string>();
  for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
    const words = sentence.match(/[\p{L}\p{N}][\p{L}\p{N}'+#.-]*[\p{L}\p{N}+#]|[\p{L}\p{N}]/gu) ?? [];
    let run: string[] = [];
    const flush = () => {
      if (run.length > 0) {
        const name = run.join(" ");
        if (!STOP.has(name)) found.set(name.toLowerCase(), found.get(name.toLowerCase()) ?? name);
      }
      run = [];
    };
    words.forEach((w, i) => {
      const acronym = /^\p{Lu}{2,}\d*$/u.test(w);
      const inner = /^\p{L}+[\p{Lu}\d][\p{L}\d]*$/u.test(w) && /\p{Ll}/u.test(w);
      const capital = /^\p{Lu}\p{Ll}/u.test(w);
      if (acronym || inner) {
        flush();
        found.set(w.toLowerCase(), w);
      } else if (capital && i > 0) run.push(w);
      else flush();
    });
    flush();
  }
  return [...found.values()].map((name) => ({
    name,
    type: /^\p{Lu}{2,}\d*$/u.test(name) ? "acronym" : "concept",
  }));
}

export interface ConsolidationCounts {
  entries_processed: number;
  entities_added: number;
  entities_updated: number;
  entities_deleted: number;
  entries_skipped: number;
  entries_failed: number;
}

/**
 * Fold `entries` into `entities` (changed in place): an unprocessed entry (any entry with `force`) adds or
 * updates the entities it mentions and is marked processed; a processed one is skipped.
 */
export function consolidateEntries(
  entries: EpisodicEntry[],
  entities: Entity[],
  force: boolean,
  now: string,
  maxEntities: number,
  random: () => number = Math.random,
): ConsolidationCounts {
  const counts: ConsolidationCounts = {
    entries_processed: 0,
    entities_added: 0,
    entities_updated: 0,
    entities_deleted: 0,
    entries_skipped: 0,
    entries_failed: 0,
  };
  const byName = new Map(entities.map((e) => [e.name.toLowerCase(), e]));
  const added = new Set<string>();
  const updated = new Set<string>();
  for (const entry of entries) {
    if (entry.processed && !force) {
      counts.entries_skipped++;
      continue;
    }
    for (const { name, type } of extractEntities(entry.content)) {
      const key = name.toLowerCase();
      let e = byName.get(key);
      if (!e) {
        if (byName.size >= maxEntities) {
          counts.entries_failed++;
          break;
        }
        e = {
          id: randomUuid(random),
          name,
          entity_type: type,
          properties: { mentions: 0, sessions: [], roles: [], source_entries: [] },
          event_time: entry.timestamp,
          ingestion_time: now,
        };
        byName.set(key, e);
        entities.push(e);
        added.add(key);
      } else if (!added.has(key)) updated.add(key);
      const p = e.properties as JsonObject & {
        mentions: number;
        sessions: string[];
        roles: string[];
        source_entries: string[];
      };
      p.mentions += 1;
      if (!p.sessions.includes(entry.session_id)) p.sessions.push(entry.session_id);
      if (!p.roles.includes(entry.role)) p.roles.push(entry.role);
      if (p.source_entries.length < 10 && !p.source_entries.includes(entry.id)) p.source_entries.push(entry.id);
    }
    entry.processed = true;
    counts.entries_processed++;
  }
  counts.entities_added = added.size;
  counts.entities_updated = updated.size;
  return counts;
}
