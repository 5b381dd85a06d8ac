/**
 * The sessions and artifacts of one State store (records.ts says where each lives). Sessions are read on first
 * use and kept; artifacts are read when asked for. Every change is written before the call that made it
 * returns. A stored value that cannot be read raises an `api` error naming the State key to remove.
 */
import { SpellError } from "@/lib/core/errors";
import type { StateStore } from "../runtime";
import {
  ARTIFACT_STATE_SCOPE,
  SESSION_STATE_SCOPE,
  artifactKey,
  decodeArtifact,
  decodeSession,
  encodeArtifact,
  encodeSession,
  type ArtifactRecord,
  type SessionRecord,
} from "./records";

export interface SessionStore {
  /** A session, or undefined. */
  get(id: string): Promise<SessionRecord | undefined>;
  /** Every session, oldest first. */
  list(): Promise<SessionRecord[]>;
  /** The `order` of a session created now. */
  nextOrder(): Promise<number>;
  /** Store a session as it is now. */
  put(session: SessionRecord): Promise<void>;
  /** Remove a session and its artifacts; false when there was none. */
  remove(id: string): Promise<boolean>;
  /** Every session's artifact bytes together. */
  artifactBytes(): Promise<number>;
  putArtifact(a: ArtifactRecord): Promise<void>;
  getArtifact(sessionId: string, sequence: number): Promise<ArtifactRecord | undefined>;
  /** A session's artifacts, by sequence. */
  listArtifacts(sessionId: string): Promise<ArtifactRecord[]>;
  removeArtifact(sessionId: string, sequence: number): Promise<boolean>;
}

function broken(what: string, scope: string, key: string, reason: string): SpellError {
  return new SpellError(
    "api",
    `the stored ${what} "${key}" cannot be read: ${reason}. Remove it with State.delete("${scope}", "${key}").`,
  );
}

export function createSessionStore(state: StateStore): SessionStore {
  let loaded: Promise<Map<string, SessionRecord>> | undefined;
  const load = () =>
    (loaded ??= (async () => {
      const out = new Map<string, SessionRecord>();
      for (const key of await state.keys(SESSION_STATE_SCOPE)) {
        const value = await state.get(SESSION_STATE_SCOPE, key);
        if (value === undefined) continue;
        const s = decodeSession(value);
        if (typeof s === "string") throw broken("session", SESSION_STATE_SCOPE, key, s);
        out.set(key, s);
      }
      return out;
    })().catch((e) => {
      loaded = undefined;
      throw e;
    }));

  const artifactKeysOf = async (sessionId: string) =>
    (await state.keys(ARTIFACT_STATE_SCOPE)).filter((k) => k.startsWith(`${sessionId}/`));

  const readArtifact = async (key: string) => {
    const value = await state.get(ARTIFACT_STATE_SCOPE, key);
    if (value === undefined) return undefined;
    const a = decodeArtifact(value);
    if (typeof a === "string") throw broken("artifact", ARTIFACT_STATE_SCOPE, key, a);
    return a;
  };

  return {
    async get(id) {
      return (await load()).get(id);
    },
    async list() {
      return [...(await load()).values()].sort((a, b) => a.order - b.order);
    },
    async nextOrder() {
      let max = 0;
      for (const s of (await load()).values()) max = Math.max(max, s.order);
      return max + 1;
    },
    async put(session) {
      const all = await load();
      all.set(session.id, session);
      await state.set(SESSION_STATE_SCOPE, session.id, encodeSession(session));
    },
    async remove(id) {
      const all = await load();
      if (!all.delete(id)) return false;
      for (const key of await artifactKeysOf(id)) await state.delete(ARTIFACT_STATE_SCOPE, key);
      await state.delete(SESSION_STATE_SCOPE, id);
      return true;
    },
    async artifactBytes() {
      let n = 0;
      for (const s of (await load()).values()) n += s.artifact_bytes;
      return n;
    },
    async putArtifact(a) {
      await state.set(ARTIFACT_STATE_SCOPE, artifactKey(a.session_id, a.sequence), encodeArtifact(a));
    },
    getArtifact(sessionId, sequence) {
      return readArtifact(artifactKey(sessionId, sequence));
    },
    async listArtifacts(sessionId) {
      const out: ArtifactRecord[] = [];
      for (const key of (await artifactKeysOf(sessionId)).sort()) {
        const a = await readArtifact(key);
        if (a) out.push(a);
      }
      return out;
    },
    removeArtifact(sessionId, sequence) {
      return state.delete(ARTIFACT_STATE_SCOPE, artifactKey(sessionId, sequence));
    },
  };
}
