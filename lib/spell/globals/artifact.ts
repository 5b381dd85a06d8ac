/**
 * Artifact: rs-llmspell's session artifacts (`lua/globals/artifact.rs`). `store` keeps a text in an active
 * session and returns its id `{content_hash (SHA-256 hex), session_id, sequence}`; metadata keys `mime_type` and
 * `tags` set those fields, every other key goes to `custom`, as in rs. `artifact_type` reads as rs prints it
 * (`AgentOutput`, `ToolResult`, `UserInput`, `SystemGenerated`, `Custom("x")`). `store_file` raises
 * `unsupported_feature`: the playground has no file system.
 */
import { SpellError } from "@/lib/core/errors";
import type { HostValue } from "@/lib/core/engine";
import { utf8Length } from "@/lib/encoding/utf8";
import * as z from "zod";
import type { SpellContext } from "../core/context";
import { nonEmptyStr, nonNegInt, str, table } from "../core/validate";
import type { JsonObject } from "../core/values";
import { SESSION_BOUNDS } from "../session/bounds";
import type { ArtifactMetadata, ArtifactRecord } from "../session/records";
import type { SessionService } from "../session/service";
import type { GlobalModule } from "./module";

const fmt = (n: number) => n.toLocaleString("en-US");

const RS_TYPE_NAMES: Record<string, string> = {
  agent_output: "AgentOutput",
  tool_result: "ToolResult",
  user_input: "UserInput",
  system_generated: "SystemGenerated",
};

/** The type as rs-llmspell's metadata shows it (`format!("{:?}", artifact_type)`). */
export function artifactTypeName(type: string): string {
  return RS_TYPE_NAMES[type.toLowerCase()] ?? `Custom(${JSON.stringify(type)})`;
}

/** rs-llmspell's artifact metadata as a spell sees it (`artifact_metadata_to_json`). */
function artifactView(m: ArtifactMetadata): JsonObject {
  return { ...m, artifact_type: artifactTypeName(m.artifact_type) };
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

const idSchema = z.object({ content_hash: str, session_id: str, sequence: nonNegInt });
const querySchema = z.object({
  session_id: str.optional(),
  type: nonEmptyStr.optional(),
  name_pattern: str.optional(),
  tags: z.array(str).optional(),
  created_after: str.optional(),
  created_before: str.optional(),
  min_size: nonNegInt.optional(),
  max_size: nonNegInt.optional(),
  limit: nonNegInt.optional(),
});

/** `*` matches any run of characters; without one the pattern matches anywhere in the name. */
function nameMatcher(pattern: string): (name: string) => boolean {
  if (!pattern.includes("*")) return (name) => name.includes(pattern);
  const re = new RegExp(
    `^${pattern
      .split("*")
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
    "s",
  );
  return (name) => re.test(name);
}

function timeArg(where: string, name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const t = Date.parse(v);
  if (Number.isNaN(t))
    throw new SpellError("type", `${where} expects ${name} to be an RFC 3339 date, got ${JSON.stringify(v)}`);
  return t;
}

export function createArtifactModule(ctx: SpellContext, sessions: SessionService): GlobalModule {
  const { check } = ctx;
  const { store } = sessions;

  /** An artifact id table, and the artifact it names in `sessionId`, or a `not_found` error. */
  const find = async (where: string, sessionId: string, rawId: unknown): Promise<ArtifactRecord> => {
    const id = check(where, "artifact_id", idSchema, check(where, "artifact_id", table, rawId));
    const owner = sessions.readId(where, "artifact_id.session_id", id.session_id);
    if (owner !== sessionId)
      throw new SpellError(
        "api",
        `${where}: access denied: the artifact belongs to session ${owner}, not ${sessionId}`,
      );
    const a = await store.getArtifact(sessionId, id.sequence);
    if (!a || a.content_hash !== id.content_hash)
      throw new SpellError("not_found", `${where}: artifact not found: ${id.content_hash}:${sessionId}:${id.sequence}`);
    return a;
  };

  const storeArtifact = async (args: HostValue[]): Promise<HostValue> => {
    const where = "Artifact.store";
    const [sid, rawType, rawName, rawContent, rawMeta] = args;
    const s = await sessions.require(where, "session_id", sid);
    const type = check(where, "type", nonEmptyStr, rawType);
    const name = check(where, "name", z.string().min(1).max(SESSION_BOUNDS.maxNameChars), rawName);
    const content = check(where, "content", str, rawContent);
    if (s.status !== "active")
      throw new SpellError("api", `${where}: cannot store artifacts in a ${s.status} session (${s.id})`);
    const size = utf8Length(content);
    if (size > SESSION_BOUNDS.maxArtifactBytes)
      throw new SpellError(
        "api",
        `${where}: artifact "${name}" is ${fmt(size)} bytes (UTF-8); an artifact may be at most ${fmt(SESSION_BOUNDS.maxArtifactBytes)} bytes`,
      );
    if (s.artifact_count >= SESSION_BOUNDS.maxArtifactsPerSession)
      throw new SpellError(
        "api",
        `${where}: session ${s.id} holds ${fmt(s.artifact_count)} artifacts, the most one session keeps; delete some with Artifact.delete`,
      );
    const total = (await store.artifactBytes()) + size;
    if (total > SESSION_BOUNDS.maxArtifactBytesTotal)
      throw new SpellError(
        "api",
        `${where}: artifacts would hold ${fmt(total)} bytes; every session together may hold at most ${fmt(SESSION_BOUNDS.maxArtifactBytesTotal)} (delete some with Artifact.delete or Session.delete)`,
      );
    let custom: JsonObject = {};
    const customPairs: [string, JsonObject[string]][] = [];
    let mime = "application/octet-stream";
    let tags: string[] = [];
    if (rawMeta !== undefined && rawMeta !== null) {
      check(where, "metadata", table, rawMeta);
      const meta = ctx.jsonArg(rawMeta, where, "metadata", "stored") as JsonObject;
      const metaBytes = utf8Length(JSON.stringify(meta));
      if (metaBytes > SESSION_BOUNDS.maxMetadataBytes)
        throw new SpellError(
          "api",
          `${where}: metadata is ${fmt(metaBytes)} bytes as JSON; it may be at most ${fmt(SESSION_BOUNDS.maxMetadataBytes)}`,
        );
      for (const [k, v] of Object.entries(meta)) {
        if (k === "mime_type" && typeof v === "string") mime = v;
        else if (k === "tags" && Array.isArray(v)) tags = v.filter((t): t is string => typeof t === "string");
        else customPairs.push([k, v]);
      }
      // fromEntries keeps a `__proto__` key an ordinary key.
      custom = Object.fromEntries(customPairs);
    }
    const sequence = s.operation_count + 1;
    const now = new Date(ctx.wallClockMs()).toISOString();
    const record: ArtifactRecord = {
      content_hash: await sha256Hex(content),
      session_id: s.id,
      sequence,
      content,
      metadata: {
        name,
        description: null,
        artifact_type: type,
        mime_type: mime,
        size,
        tags,
        custom,
        version: 1,
        created_at: now,
        created_by: null,
        parent_artifact: null,
        is_compressed: false,
        original_size: null,
      },
    };
    await store.putArtifact(record);
    await store.put({
      ...s,
      operation_count: sequence,
      artifact_count: s.artifact_count + 1,
      artifact_bytes: s.artifact_bytes + size,
      updated_at: now,
    });
    return { content_hash: record.content_hash, session_id: s.id, sequence };
  };

  /** `""` means the run's current session, as in rs-llmspell. */
  const sessionOrCurrent = async (where: string, raw: unknown) => {
    if (raw === "") {
      if (!sessions.current) throw new SpellError("api", `${where}: no current session set (Session.set_current(id))`);
      return sessions.require(where, "session_id", sessions.current);
    }
    return sessions.require(where, "session_id", raw);
  };

  return {
    name: "Artifact",
    global: {
      functions: {
        store: (args) => storeArtifact(args),
        get: async ([sid, id]) => {
          const s = await sessions.require("Artifact.get", "session_id", sid);
          const a = await find("Artifact.get", s.id, id);
          return { metadata: artifactView(a.metadata), content: a.content } as HostValue;
        },
        list: async ([sid]) => {
          const s = await sessionOrCurrent("Artifact.list", sid);
          return (await store.listArtifacts(s.id)).map((a) => artifactView(a.metadata)) as HostValue;
        },
        delete: async ([sid, id]) => {
          const s = await sessions.require("Artifact.delete", "session_id", sid);
          const a = await find("Artifact.delete", s.id, id);
          await store.removeArtifact(s.id, a.sequence);
          const now = await store.get(s.id);
          if (now)
            await store.put({
              ...now,
              artifact_count: Math.max(0, now.artifact_count - 1),
              artifact_bytes: Math.max(0, now.artifact_bytes - a.metadata.size),
              updated_at: new Date(ctx.wallClockMs()).toISOString(),
            });
          return null;
        },
        store_file: async ([sid]) => {
          await sessions.require("Artifact.store_file", "session_id", sid);
          throw new SpellError(
            "unsupported_feature",
            "Artifact.store_file: spells have no file system here; read the text another way and use Artifact.store(session_id, type, name, content, metadata)",
          );
        },
        query: async ([rawQuery]) => {
          const where = "Artifact.query";
          const q =
            rawQuery === undefined || rawQuery === null
              ? {}
              : check(where, "query", querySchema, check(where, "query", table, rawQuery));
          const after = timeArg(where, "query.created_after", q.created_after);
          const before = timeArg(where, "query.created_before", q.created_before);
          const list =
            q.session_id !== undefined
              ? [await sessions.require(where, "query.session_id", q.session_id)]
              : await store.list();
          const typeName = q.type !== undefined ? artifactTypeName(q.type) : undefined;
          const matchName = q.name_pattern !== undefined ? nameMatcher(q.name_pattern) : undefined;
          const out: JsonObject[] = [];
          for (const s of list)
            for (const a of await store.listArtifacts(s.id)) {
              const m = a.metadata;
              const t = Date.parse(m.created_at);
              if (typeName !== undefined && artifactTypeName(m.artifact_type) !== typeName) continue;
              if (matchName && !matchName(m.name)) continue;
              if (q.tags?.length && !q.tags.every((tag) => m.tags.includes(tag))) continue;
              if (after !== undefined && !(t > after)) continue;
              if (before !== undefined && !(t < before)) continue;
              if (q.min_size !== undefined && m.size < q.min_size) continue;
              if (q.max_size !== undefined && m.size > q.max_size) continue;
              out.push(artifactView(m));
            }
          return (q.limit !== undefined ? out.slice(0, q.limit) : out) as HostValue;
        },
      },
    },
  };
}
