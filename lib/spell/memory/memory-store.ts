/**
 * The episodic entries and semantic entities of one State store (records.ts says where they live). Everything is
 * read on first use and kept; each change writes the key it touched before the call that made it returns.
 */
import { SpellError } from "@/lib/core/errors";
import type { StateStore } from "../runtime";
import {
  MEMORY_STATE_SCOPE,
  SEMANTIC_KEY,
  decodeEntities,
  decodeEntries,
  encodeEntities,
  encodeEntries,
  episodicKey,
  type EpisodicEntry,
  type Entity,
} from "./records";

export interface MemoryStore {
  /** Every memory session's entries, oldest first within each session. */
  sessions(): Promise<Map<string, EpisodicEntry[]>>;
  entities(): Promise<Entity[]>;
  /** Store a memory session's entries as they are now. */
  saveSession(sessionId: string): Promise<void>;
  saveEntities(): Promise<void>;
}

export function createMemoryStore(state: StateStore): MemoryStore {
  let loaded: Promise<{ sessions: Map<string, EpisodicEntry[]>; entities: Entity[] }> | undefined;
  const load = () =>
    (loaded ??= (async () => {
      const sessions = new Map<string, EpisodicEntry[]>();
      let entities: Entity[] = [];
      for (const key of await state.keys(MEMORY_STATE_SCOPE)) {
        const value = await state.get(MEMORY_STATE_SCOPE, key);
        if (value === undefined) continue;
        const decoded = key === SEMANTIC_KEY ? decodeEntities(value) : decodeEntries(value);
        if (typeof decoded === "string")
          throw new SpellError(
            "api",
            `Memory: the stored value "${key}" cannot be read: ${decoded}. Remove it with State.delete("${MEMORY_STATE_SCOPE}", "${key}").`,
          );
        if (key === SEMANTIC_KEY) entities = decoded as Entity[];
        else if (key.startsWith("episodic:")) sessions.set(key.slice("episodic:".length), decoded as EpisodicEntry[]);
      }
      return { sessions, entities };
    })().catch((e) => {
      loaded = undefined;
      throw e;
    }));

  return {
    async sessions() {
      return (await load()).sessions;
    },
    async entities() {
      return (await load()).entities;
    },
    async saveSession(sessionId) {
      const entries = (await load()).sessions.get(sessionId);
      if (entries && entries.length > 0)
        await state.set(MEMORY_STATE_SCOPE, episodicKey(sessionId), encodeEntries(entries));
      else await state.delete(MEMORY_STATE_SCOPE, episodicKey(sessionId));
    },
    async saveEntities() {
      await state.set(MEMORY_STATE_SCOPE, SEMANTIC_KEY, encodeEntities((await load()).entities));
    },
  };
}
