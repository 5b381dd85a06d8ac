/**
 * What Memory and Context share in one run: the memory store and the searches over it, scored lexically
 * (lexical.ts) so they need no model call and give the same order in every run.
 */
import { SpellError } from "@/lib/core/errors";
import { utf8Length } from "@/lib/encoding/utf8";
import { randomUuid, type JsonObject } from "../core/values";
import type { StateStore } from "../runtime";
import { MEMORY_BOUNDS } from "../session/bounds";
import { similarity, vectorOf, type QueryVector } from "./lexical";
import { createMemoryStore, type MemoryStore } from "./memory-store";
import type { EpisodicEntry, Entity } from "./records";

/** The lowest score a search across every session keeps (shared trigrams alone score about 0.1-0.2). */
const RELEVANCE_FLOOR = 0.2;

interface Scored<T> {
  item: T;
  score: number;
}

const fmt = (n: number) => n.toLocaleString("en-US");

export interface MemoryService {
  store: MemoryStore;
  /** Remember an exchange within MEMORY_BOUNDS (an `api` error names the bound); returns the entry. */
  add(where: string, sessionId: string, role: string, content: string, metadata: JsonObject): Promise<EpisodicEntry>;
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

/** `clock`: the run's wall clock and random stream, so a replayed run stores the same ids and times. */
export function createMemoryService(
  state: StateStore,
  clock: { wallClockMs(): number; random(): number } = { wallClockMs: Date.now, random: Math.random },
): MemoryService {
  const store = createMemoryStore(state);
  /** Each entry's and entity's vector, made once per run (entries do not change; entities change by name only). */
  const vectors = new WeakMap<object, QueryVector>();
  const vectorFor = (item: object, text: string) => {
    let v = vectors.get(item);
    if (!v) vectors.set(item, (v = vectorOf(text)));
    return v;
  };
  return {
    store,
    async add(where, sessionId, role, content, metadata) {
      const size = utf8Length(content);
      if (size > MEMORY_BOUNDS.maxEntryBytes)
        throw new SpellError(
          "api",
          `${where}: content is ${fmt(size)} bytes (UTF-8); an entry may be at most ${fmt(MEMORY_BOUNDS.maxEntryBytes)} bytes`,
        );
      const sessions = await store.sessions();
      let total = 0;
      for (const list of sessions.values()) total += list.length;
      if (total >= MEMORY_BOUNDS.maxEntries)
        throw new SpellError(
          "api",
          `${where}: memory holds ${fmt(total)} entries, the most it keeps; delete "__memory__" keys with State.delete`,
        );
      const now = new Date(clock.wallClockMs()).toISOString();
      const entry: EpisodicEntry = {
        id: randomUuid(clock.random),
        session_id: sessionId,
        role,
        content,
        timestamp: now,
        ingestion_time: now,
        metadata,
        processed: false,
      };
      const list = sessions.get(sessionId) ?? [];
      list.push(entry);
      sessions.set(sessionId, list);
      await store.saveSession(sessionId);
      return entry;
    },
    async searchEpisodic(sessionId, query, limit) {
      const sessions = await store.sessions();
      const pool = sessionId === "" ? [...sessions.values()].flat() : (sessions.get(sessionId) ?? []);
      const q = query.trim() === "" ? undefined : vectorOf(query);
      const scored = pool.map((item) => ({ item, score: q ? similarity(q, vectorFor(item, item.content)) : 0 }));
      const kept = sessionId === "" && q ? scored.filter((s) => s.score >= RELEVANCE_FLOOR) : scored;
      return kept.sort((a, b) => b.score - a.score || b.item.timestamp.localeCompare(a.item.timestamp)).slice(0, limit);
    },
    async searchSemantic(query, limit) {
      const entities = await store.entities();
      const q = query.trim() === "" ? undefined : vectorOf(query);
      const scored = entities.map((item) => ({
        item,
        score: q ? similarity(q, vectorFor(item, entityText(item))) : 0,
      }));
      return (q ? scored.filter((s) => s.score > 0) : scored).sort((a, b) => b.score - a.score).slice(0, limit);
    },
  };
}
