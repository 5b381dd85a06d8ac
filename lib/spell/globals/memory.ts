/**
 * Memory: rs-llmspell's adaptive memory (`lua/globals/memory.rs`): `episodic.add/search`, `semantic.query`,
 * `consolidate`, `stats`. Memory session ids are any strings (a Session id or your own). Entries persist where
 * State does (lib/spell/memory/). Searches score lexically, offline; consolidation extracts entities by rule
 * (lib/spell/memory/consolidate.ts), since rs's needs a model. The nested tables (`Memory.episodic`) are made by
 * MEMORY_PRELUDES from the dotted host functions.
 */
import type { HostValue } from "@/lib/core/engine";
import * as z from "zod";
import type { SpellContext } from "../core/context";
import { nonEmptyStr, str, table } from "../core/validate";
import type { JsonObject } from "../core/values";
import { consolidateEntries } from "../memory/consolidate";
import type { MemoryService } from "../memory/service";
import { MEMORY_BOUNDS } from "../session/bounds";
import type { GlobalModule } from "./module";

const limitSchema = z.number().int().min(1).max(MEMORY_BOUNDS.maxLimit);
/** rs-llmspell's default number of results. */
const DEFAULT_LIMIT = 10;

export function createMemoryModule(ctx: SpellContext, memory: MemoryService): GlobalModule {
  const { check } = ctx;
  const { store } = memory;
  const limitOf = (where: string, v: unknown) =>
    v === undefined || v === null ? DEFAULT_LIMIT : check(where, "limit", limitSchema, v);

  const add = async ([sid, rawRole, rawContent, rawMeta]: HostValue[]): Promise<HostValue> => {
    const where = "Memory.episodic.add";
    const sessionId = check(where, "session_id", nonEmptyStr, sid);
    const role = check(where, "role", nonEmptyStr, rawRole);
    const content = check(where, "content", str, rawContent);
    let metadata: JsonObject = {};
    if (rawMeta !== undefined && rawMeta !== null) {
      check(where, "metadata", table, rawMeta);
      metadata = ctx.jsonArg(rawMeta, where, "metadata", "stored") as JsonObject;
    }
    return (await memory.add(where, sessionId, role, content, metadata)).id;
  };

  const search = ([sid, rawQuery, rawLimit]: HostValue[]): Promise<HostValue> => {
    const where = "Memory.episodic.search";
    const sessionId = check(where, "session_id", str, sid);
    const query = check(where, "query", str, rawQuery);
    const limit = limitOf(where, rawLimit);
    return ctx.tracer.run(
      "retrieval",
      where,
      { parentId: ctx.ambientParent(), input: { session_id: sessionId, query, limit } },
      async () => (await memory.searchEpisodic(sessionId, query, limit)).map((s) => s.item) as unknown as HostValue,
      (r) => ({ total: (r as unknown[]).length }),
    );
  };

  const query = ([rawQuery, rawLimit]: HostValue[]): Promise<HostValue> => {
    const where = "Memory.semantic.query";
    const q = check(where, "query", str, rawQuery);
    const limit = limitOf(where, rawLimit);
    return ctx.tracer.run(
      "retrieval",
      where,
      { parentId: ctx.ambientParent(), input: { query: q, limit } },
      async () => (await memory.searchSemantic(q, limit)).map((s) => s.item) as unknown as HostValue,
      (r) => ({ total: (r as unknown[]).length }),
    );
  };

  const consolidate = async ([sid, rawForce]: HostValue[]): Promise<HostValue> => {
    const where = "Memory.consolidate";
    const sessionId = sid === undefined || sid === null ? "" : check(where, "session_id", str, sid);
    const force = rawForce === undefined || rawForce === null ? false : check(where, "force", z.boolean(), rawForce);
    const started = ctx.runtime.now();
    const sessions = await store.sessions();
    const ids = sessionId === "" ? [...sessions.keys()] : sessions.has(sessionId) ? [sessionId] : [];
    const entries = ids.flatMap((id) => sessions.get(id) ?? []);
    const counts = consolidateEntries(
      entries,
      await store.entities(),
      force,
      new Date(ctx.wallClockMs()).toISOString(),
      MEMORY_BOUNDS.maxEntities,
      ctx.random,
    );
    for (const id of ids) await store.saveSession(id);
    if (counts.entries_processed > 0) await store.saveEntities();
    return { ...counts, duration_ms: Math.round(ctx.runtime.now() - started) };
  };

  const stats = async (): Promise<HostValue> => {
    const sessions = await store.sessions();
    let episodic = 0;
    let unprocessed = 0;
    for (const list of sessions.values()) {
      episodic += list.length;
      if (list.some((e) => !e.processed)) unprocessed++;
    }
    return {
      episodic_count: episodic,
      semantic_count: (await store.entities()).length,
      sessions_with_unprocessed: unprocessed,
      has_episodic: true,
      has_semantic: true,
      has_consolidation: true,
    };
  };

  return {
    name: "Memory",
    global: {
      functions: {
        "episodic.add": add,
        "episodic.search": search,
        "semantic.query": query,
        consolidate,
        stats,
      },
    },
  };
}
