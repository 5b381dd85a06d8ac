/**
 * What Memory and Context share in one run: the memory store and the searches over it, scored lexically
 * (lexical.ts) so they need no model call and give the same order in every run.
 */
import type { StateStore } from "../runtime";
import { similarity, vectorOf } from "./lexical";
import { createMemoryStore, type MemoryStore } from "./memory-store";
import type { EpisodicEntry, Entity } from "./records";

/** The lowest score a search across every session keeps (shared trigrams alone score about 0.1-0.2). */
const RELEVANCE_FLOOR = 0.2;

interface Scored<T> {
  item: T;
  score: number;
}

export interface MemoryService {
  store: MemoryStore;
  /**
   * Episodic entries best first (then newest first). A session id keeps that session's entries, all of them as
   * rs-llmspell does; `""` searches every session and keeps entries scoring at least RELEVANCE_FLOOR. An
   * empty query orders by time alone.
   */
  searchEpisodic(sessionId: string, query: string, limit: number): Promise<Scored<EpisodicEntry>[]>;
  /** Entities matching the query best first; an empty query lists them all. */
  searchSemantic(query: string, limit: number): Promise<Scored<Entity>[]>;
}

/** The text an entity is matched on. */
const entityText = (e: Entity) => `${e.name} ${e.entity_type.replace(/_/g, " ")}`;

export function createMemoryService(state: StateStore): MemoryService {
  const store = createMemoryStore(state);
  return {
    store,
    async searchEpisodic(sessionId, query, limit) {
      const sessions = await store.sessions();
      const pool = sessionId === "" ? [...sessions.values()].flat() : (sessions.get(sessionId) ?? []);
      const q = query.trim() === "" ? undefined : vectorOf(query);
      const scored = pool.map((item) => ({ item, score: q ? similarity(q, vectorOf(item.content)) : 0 }));
      const kept = sessionId === "" && q ? scored.filter((s) => s.score >= RELEVANCE_FLOOR) : scored;
      return kept.sort((a, b) => b.score - a.score || b.item.timestamp.localeCompare(a.item.timestamp)).slice(0, limit);
    },
    async searchSemantic(query, limit) {
      const entities = await store.entities();
      const q = query.trim() === "" ? undefined : vectorOf(query);
      const scored = entities.map((item) => ({ item, score: q ? similarity(q, vectorOf(entityText(item))) : 0 }));
      return (q ? scored.filter((s) => s.score > 0) : scored).sort((a, b) => b.score - a.score).slice(0, limit);
    },
  };
}
