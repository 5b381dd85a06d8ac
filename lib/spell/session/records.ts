/**
 * Sessions and artifacts as the JSON values State stores keep (IndexedDB, a JSON file, memory), in reserved State
 * scopes, so they persist exactly where `State` does:
 *
 *   scope `__sessions__`,  key = session id:            SessionRecord
 *   scope `__artifacts__`, key = `<session id>/<seq>`:  ArtifactRecord
 *
 * Reading checks every field by hand rather than with zod, so a metadata key such as `__proto__` stays an ordinary
 * key (as lib/spell/rag/persisted-collection.ts does).
 */
import type { JsonValue } from "@/lib/core/json";

export const SESSION_STATE_SCOPE = "__sessions__";
export const ARTIFACT_STATE_SCOPE = "__artifacts__";

const FORMAT = 1;

export const SESSION_STATUSES = ["active", "suspended", "completed", "failed", "archived"] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

type JsonObject = { [key: string]: JsonValue };

export interface SessionRecord {
  id: string;
  name: string | null;
  description: string | null;
  tags: string[];
  status: SessionStatus;
  created_at: string;
  updated_at: string;
  parent_session_id: string | null;
  custom_metadata: JsonObject;
  /** rs-llmspell's operation count: an artifact's sequence is the count after it. */
  operation_count: number;
  artifact_count: number;
  /** UTF-8 bytes of this session's artifact contents (for the store-wide bound). */
  artifact_bytes: number;
  /** Creation order in its store (times can be equal). */
  order: number;
}

export interface ArtifactMetadata {
  name: string;
  description: string | null;
  /** As the spell gave it: agent_output, tool_result, user_input, system_generated, or a custom type. */
  artifact_type: string;
  mime_type: string;
  size: number;
  tags: string[];
  custom: JsonObject;
  version: number;
  created_at: string;
  created_by: string | null;
  parent_artifact: string | null;
  is_compressed: boolean;
  original_size: number | null;
}

export interface ArtifactRecord {
  content_hash: string;
  session_id: string;
  sequence: number;
  content: string;
  metadata: ArtifactMetadata;
}

export const artifactKey = (sessionId: string, sequence: number) => `${sessionId}/${String(sequence).padStart(8, "0")}`;

const isObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;
const isStrOrNull = (v: unknown): v is string | null => v === null || typeof v === "string";
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");

export function encodeSession(s: SessionRecord): JsonValue {
  return { format: FORMAT, ...s } as unknown as JsonValue;
}

/** The session a stored value holds, or a sentence saying what is wrong with it. */
export function decodeSession(v: JsonValue): SessionRecord | string {
  if (!isObject(v)) return "it is not an object";
  if (v.format !== FORMAT) return `its format is ${JSON.stringify(v.format ?? null)}, not ${FORMAT}`;
  if (typeof v.id !== "string" || !v.id) return "its id is not a string";
  if (!isStrOrNull(v.name) || !isStrOrNull(v.description)) return "its name or description is not a string";
  if (!isStrings(v.tags)) return "its tags are not a list of strings";
  if (typeof v.status !== "string" || !(SESSION_STATUSES as readonly string[]).includes(v.status))
    return "its status is not one of " + SESSION_STATUSES.join(", ");
  if (typeof v.created_at !== "string" || typeof v.updated_at !== "string") return "its times are not strings";
  if (!isStrOrNull(v.parent_session_id)) return "its parent_session_id is not a string";
  if (!isObject(v.custom_metadata)) return "its custom_metadata is not an object";
  if (!isCount(v.operation_count) || !isCount(v.artifact_count) || !isCount(v.artifact_bytes) || !isCount(v.order))
    return "its counts are not counts";
  return {
    id: v.id,
    name: v.name,
    description: v.description,
    tags: v.tags,
    status: v.status as SessionStatus,
    created_at: v.created_at,
    updated_at: v.updated_at,
    parent_session_id: v.parent_session_id,
    custom_metadata: v.custom_metadata,
    operation_count: v.operation_count,
    artifact_count: v.artifact_count,
    artifact_bytes: v.artifact_bytes,
    order: v.order,
  };
}

export function encodeArtifact(a: ArtifactRecord): JsonValue {
  return { format: FORMAT, ...a } as unknown as JsonValue;
}

/** The artifact a stored value holds, or a sentence saying what is wrong with it. */
export function decodeArtifact(v: JsonValue): ArtifactRecord | string {
  if (!isObject(v)) return "it is not an object";
  if (v.format !== FORMAT) return `its format is ${JSON.stringify(v.format ?? null)}, not ${FORMAT}`;
  if (typeof v.content_hash !== "string" || typeof v.session_id !== "string" || !isCount(v.sequence))
    return "its id is not { content_hash, session_id, sequence }";
  if (typeof v.content !== "string") return "its content is not a string";
  const m = v.metadata;
  if (
    !isObject(m) ||
    typeof m.name !== "string" ||
    !isStrOrNull(m.description) ||
    typeof m.artifact_type !== "string" ||
    typeof m.mime_type !== "string" ||
    !isCount(m.size) ||
    !isStrings(m.tags) ||
    !isObject(m.custom) ||
    !isCount(m.version) ||
    typeof m.created_at !== "string" ||
    !isStrOrNull(m.created_by) ||
    !isStrOrNull(m.parent_artifact) ||
    typeof m.is_compressed !== "boolean" ||
    !(m.original_size === null || isCount(m.original_size))
  )
    return "its metadata is not rs-llmspell's artifact metadata";
  return {
    content_hash: v.content_hash,
    session_id: v.session_id,
    sequence: v.sequence,
    content: v.content,
    metadata: m as unknown as ArtifactMetadata,
  };
}
