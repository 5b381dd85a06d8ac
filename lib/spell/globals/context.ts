/**
 * Context: rs-llmspell's context assembly (`lua/globals/context.rs`): `assemble(query, strategy, max_tokens,
 * session_id)` gathers chunks for a strategy and fits them to a token budget (lib/spell/memory/assemble.ts):
 *   episodic  Memory's episodic entries (the session's, when a session id is given)
 *   semantic  Memory's entities
 *   hybrid    both
 *   rag       both, plus RAG.search over the global scope (and scope `session:<id>`), plus the artifacts of the
 *             Session with that id, when there is one
 * `test(query, session_id)` is `assemble(query, "hybrid", 2000, session_id)`, as in rs.
 */
import type { HostValue } from "@/lib/core/engine";
import type { JsonValue } from "@/lib/core/json";
import * as z from "zod";
import type { SpellContext } from "../core/context";
import { nonEmptyStr, str } from "../core/validate";
import { assembleContext, type CandidateChunk } from "../memory/assemble";
import { similarity, vectorOf } from "../memory/lexical";
import type { MemoryService } from "../memory/service";
import { CONTEXT_BOUNDS, MEMORY_BOUNDS } from "../session/bounds";
import type { SessionService } from "../session/service";
import type { GlobalModule } from "./module";

const STRATEGIES = ["episodic", "semantic", "hybrid", "rag"] as const;
type Strategy = (typeof STRATEGIES)[number];
/** rs-llmspell's default budget. */
const DEFAULT_MAX_TOKENS = 8192;
/** RAG results one assembly asks for, per scope. */
const RAG_TOP_K = 10;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const tokensSchema = z.number().int().min(CONTEXT_BOUNDS.minTokens).max(CONTEXT_BOUNDS.maxTokens);

export function createContextModule(
  ctx: SpellContext,
  deps: { memory: MemoryService; sessions: SessionService; rag: GlobalModule },
): GlobalModule {
  const { check } = ctx;
  const { memory, sessions, rag } = deps;

  const episodic = async (query: string, sessionId: string | undefined): Promise<CandidateChunk[]> =>
    (await memory.searchEpisodic(sessionId ?? "", query, MEMORY_BOUNDS.maxLimit)).map(({ item, score }) => ({
      id: item.id,
      content: item.content,
      source: item.session_id,
      timestamp: item.timestamp,
      metadata: { ...item.metadata, role: item.role },
      score,
      ranker: "lexical",
    }));

  const semantic = async (query: string): Promise<CandidateChunk[]> =>
    (await memory.searchSemantic(query, MEMORY_BOUNDS.maxLimit)).map(({ item, score }) => ({
      id: item.id,
      content: `${item.name} (${item.entity_type})\nProperties: ${JSON.stringify(item.properties, null, 2)}`,
      source: `semantic:${item.entity_type}`,
      timestamp: item.event_time ?? item.ingestion_time,
      metadata: item.properties,
      score,
      ranker: "lexical",
    }));

  const retrieved = async (query: string, sessionId: string | undefined, parentTime: string) => {
    const scopes: JsonValue[] = [{ top_k: RAG_TOP_K }];
    if (sessionId !== undefined) scopes.push({ top_k: RAG_TOP_K, scope: "session", scope_id: sessionId });
    const out: CandidateChunk[] = [];
    for (const opts of scopes) {
      const r = (await rag.global.functions.search([query, opts as HostValue])) as {
        results: { id: string; content: string; score: number; metadata: JsonValue }[];
      };
      const scope = (opts as { scope?: string }).scope ? `session:${sessionId}` : "global";
      for (const x of r.results)
        out.push({
          id: x.id,
          content: x.content,
          source: `rag:${scope}`,
          timestamp: parentTime,
          metadata: x.metadata,
          score: x.score,
          ranker: "rag",
        });
    }
    if (sessionId !== undefined && UUID.test(sessionId)) {
      const s = await sessions.store.get(sessionId.toLowerCase());
      if (s) {
        const q = vectorOf(query);
        for (const a of await sessions.store.listArtifacts(s.id))
          out.push({
            id: `${a.session_id}#${a.sequence}`,
            content: a.content,
            source: `artifact:${a.metadata.name}`,
            timestamp: a.metadata.created_at,
            metadata: a.metadata.custom,
            score: similarity(q, vectorOf(`${a.metadata.name} ${a.content}`)),
            ranker: "lexical",
          });
      }
    }
    return out;
  };

  const assemble = (where: string, rawQuery: unknown, rawStrategy: unknown, rawMax: unknown, rawSession: unknown) => {
    const query = check(where, "query", nonEmptyStr, rawQuery);
    const strategy: Strategy = check(where, "strategy", z.enum(STRATEGIES), rawStrategy);
    const maxTokens =
      rawMax === undefined || rawMax === null ? DEFAULT_MAX_TOKENS : check(where, "max_tokens", tokensSchema, rawMax);
    const sessionId =
      rawSession === undefined || rawSession === null ? undefined : check(where, "session_id", str, rawSession);
    return ctx.tracer.run(
      "retrieval",
      where,
      {
        parentId: ctx.ambientParent(),
        input: { query, strategy, max_tokens: maxTokens, session_id: sessionId ?? null },
      },
      async () => {
        const candidates: CandidateChunk[] = [];
        if (strategy !== "semantic") candidates.push(...(await episodic(query, sessionId)));
        if (strategy !== "episodic") candidates.push(...(await semantic(query)));
        if (strategy === "rag")
          candidates.push(...(await retrieved(query, sessionId, new Date(ctx.wallClockMs()).toISOString())));
        return assembleContext(candidates, maxTokens) as HostValue;
      },
      (r) => {
        const c = r as { chunks: { score: number }[]; token_count: number };
        return {
          chunks: c.chunks.length,
          token_count: c.token_count,
          top_scores: c.chunks.slice(0, 3).map((x) => x.score),
        };
      },
    );
  };

  return {
    name: "Context",
    global: {
      functions: {
        assemble: ([q, s, m, sid]) => assemble("Context.assemble", q, s, m, sid),
        test: ([q, sid]) => assemble("Context.test", q, "hybrid", 2000, sid),
        strategy_stats: async () => {
          let episodicCount = 0;
          for (const list of (await memory.store.sessions()).values()) episodicCount += list.length;
          return {
            episodic_count: episodicCount,
            semantic_count: (await memory.store.entities()).length,
            strategies: [...STRATEGIES],
          };
        },
      },
    },
  };
}
