/**
 * What Session, Artifact, Memory, Context and Template share in one run: the session store, the run's current
 * session (rs-llmspell keeps it per thread; here per run) and the checks every function taking a session id makes.
 */
import { SpellError } from "@/lib/core/errors";
import type { SpellContext } from "../core/context";
import { str } from "../core/validate";
import type { SessionRecord } from "./records";
import { createSessionStore, type SessionStore } from "./session-store";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SessionService {
  store: SessionStore;
  current: string | undefined;
  /** A session id argument: a UUID string, or a `type` error naming the argument. */
  readId(where: string, name: string, value: unknown): string;
  /** The session with this id, or a `not_found` error. */
  require(where: string, name: string, value: unknown): Promise<SessionRecord>;
}

export function createSessionService(ctx: SpellContext): SessionService {
  const store = createSessionStore(ctx.runtime.state);
  const readId = (where: string, name: string, value: unknown): string => {
    const id = ctx.check(where, name, str, value);
    if (!UUID.test(id))
      throw new SpellError(
        "type",
        `${where} expects ${name} to be a session id (a UUID from Session.create), got ${JSON.stringify(id.length > 40 ? id.slice(0, 40) + "…" : id)}`,
      );
    return id.toLowerCase();
  };
  return {
    store,
    current: undefined,
    readId,
    async require(where, name, value) {
      const id = readId(where, name, value);
      const s = await store.get(id);
      if (!s) throw new SpellError("not_found", `${where}: session not found: ${id}`);
      return s;
    },
  };
}
