/** The reference of Memory and Context (spread into SPELL_API_REFERENCE). */
import type { ApiGlobalDoc } from "../reference-types";
import { fn } from "./build";
import type { NamedType } from "./types";

const A = { async: true } as const;

export const MEMORY_TYPES: NamedType[] = [
  {
    name: "EpisodicEntry",
    definition:
      "{ id: string; session_id: string; role: string; content: string; timestamp: string; ingestion_time: string; metadata: { [key: string]: JsonValue }; processed: boolean }",
    description: "One remembered exchange (`processed` once consolidated).",
  },
  {
    name: "MemoryEntity",
    definition:
      "{ id: string; name: string; entity_type: string; properties: { mentions: number; sessions: string[]; roles: string[]; source_entries: string[]; [key: string]: JsonValue }; event_time?: string; ingestion_time: string }",
    description: "A semantic memory entity made by consolidation.",
  },
  {
    name: "ConsolidationResult",
    definition:
      "{ entries_processed: number; entities_added: number; entities_updated: number; entities_deleted: number; entries_skipped: number; entries_failed: number; duration_ms: number }",
    description: "What Memory.consolidate did.",
  },
  {
    name: "ContextChunk",
    definition:
      "{ chunk: { id: string; content: string; source: string; timestamp: string; metadata: JsonValue }; score: number; ranker: string }",
    description: "One chunk of assembled context, with its score and where it came from (`source`).",
  },
  {
    name: "AssembledContext",
    definition:
      "{ chunks: ContextChunk[]; total_confidence: number; temporal_span: (string | null)[]; token_count: number; formatted: string }",
    description: "Context fitted to a token budget; `formatted` is ready to put in a prompt.",
  },
  {
    name: "ContextStrategy",
    definition: '"episodic" | "semantic" | "hybrid" | "rag"',
    description: "Where Context.assemble looks.",
  },
];

export const MEMORY_GLOBALS: ApiGlobalDoc[] = [
  {
    name: "Memory",
    description:
      "rs-llmspell's memory: episodic entries per memory session (any id string), consolidated into semantic entities. Persists where State does; searches score by shared words, offline.",
    functions: [
      fn(
        "episodic.add",
        "session_id: string, role: string, content: string, metadata?: { [key: string]: JsonValue }",
        "string",
        "Remember one exchange (content at most 64 KiB); returns the entry id.",
        {
          ...A,
          lua: 'Memory.episodic.add("chat-1", "user", "I prefer short answers", { topic = "style" })',
          js: 'await Memory.episodic.add("chat-1", "user", "I prefer short answers", { topic: "style" });',
        },
      ),
      fn(
        "episodic.search",
        "session_id: string, query: string, limit?: number",
        "EpisodicEntry[]",
        'A session\'s entries, most relevant first (`""` searches every session for entries sharing words with the query). `limit` 1-1000, default 10.',
        {
          ...A,
          lua: 'for _, e in ipairs(Memory.episodic.search("chat-1", "answers", 5)) do print(e.role, e.content) end',
          js: 'for (const e of await Memory.episodic.search("chat-1", "answers", 5)) console.log(e.role, e.content);',
        },
      ),
      fn(
        "semantic.query",
        "query: string, limit?: number",
        "MemoryEntity[]",
        "Entities matching the query, best first (an empty query lists them all).",
        A,
      ),
      fn(
        "consolidate",
        "session_id?: string, force?: boolean",
        "ConsolidationResult",
        "Turn unprocessed entries (of one session, or all) into entities; `force` processes every entry again.",
        A,
      ),
      fn(
        "stats",
        "",
        "{ episodic_count: number; semantic_count: number; sessions_with_unprocessed: number; has_episodic: boolean; has_semantic: boolean; has_consolidation: boolean }",
        "How much memory holds.",
        A,
      ),
    ],
  },
  {
    name: "Context",
    description:
      "rs-llmspell's context assembly: gather the chunks relevant to a query from Memory, RAG and a session's artifacts, and fit them to a token budget.",
    functions: [
      fn(
        "assemble",
        "query: string, strategy: ContextStrategy, max_tokens?: number, session_id?: string",
        "AssembledContext",
        "Context for a query. `max_tokens` 100-128000 (default 8192); an empty query or an unknown strategy raises `type`.",
        {
          ...A,
          lua: 'local c = Context.assemble("what does the user prefer?", "hybrid", 500, "chat-1")\nprint(c.token_count, c.formatted)',
          js: 'const c = await Context.assemble("what does the user prefer?", "hybrid", 500, "chat-1");\nconsole.log(c.token_count, c.formatted);',
        },
      ),
      fn(
        "test",
        "query: string, session_id?: string",
        "AssembledContext",
        'Context.assemble(query, "hybrid", 2000, session_id).',
        A,
      ),
      fn(
        "strategy_stats",
        "",
        "{ episodic_count: number; semantic_count: number; strategies: ContextStrategy[] }",
        "What each strategy can draw on.",
        A,
      ),
    ],
  },
];
