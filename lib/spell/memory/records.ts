/**
 * Memory as the JSON values State stores keep, in the reserved State scope `__memory__`:
 *
 *   key `episodic:<session id>`: { format: 1, entries: EpisodicEntry[] }   (one key per memory session)
 *   key `semantic`:              { format: 1, entities: Entity[] }
 *
 * The entry and entity fields are rs-llmspell's (`llmspell-memory` EpisodicEntry, `llmspell-core` Entity).
 * Reading checks fields by hand so a metadata key such as `__proto__` stays an ordinary key.
 */
import type { JsonValue } from "@/lib/core/json";

export const MEMORY_STATE_SCOPE = "__memory__";
export const SEMANTIC_KEY = "semantic";
export const episodicKey = (sessionId: string) => `episodic:${sessionId}`;

const FORMAT = 1;
type JsonObject = { [key: string]: JsonValue };

export interface EpisodicEntry {
  id: string;
  session_id: string;
  role: string;
  content: string;
  timestamp: string;
  ingestion_time: string;
  metadata: JsonObject;
  processed: boolean;
}

export interface Entity {
  id: string;
  name: string;
  entity_type: string;
  properties: JsonObject;
  event_time: string | null;
  ingestion_time: string;
}

const isObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

function readEntry(v: JsonValue): EpisodicEntry | undefined {
  if (!isObject(v)) return undefined;
  const { id, session_id, role, content, timestamp, ingestion_time, metadata, processed } = v;
  if (
    typeof id !== "string" ||
    typeof session_id !== "string" ||
    typeof role !== "string" ||
    typeof content !== "string" ||
    typeof timestamp !== "string" ||
    typeof ingestion_time !== "string" ||
    !isObject(metadata) ||
    typeof processed !== "boolean"
  )
    return undefined;
  return { id, session_id, role, content, timestamp, ingestion_time, metadata, processed };
}

function readEntity(v: JsonValue): Entity | undefined {
  if (!isObject(v)) return undefined;
  const { id, name, entity_type, properties, event_time, ingestion_time } = v;
  if (
    typeof id !== "string" ||
    typeof name !== "string" ||
    typeof entity_type !== "string" ||
    !isObject(properties) ||
    !(event_time === null || typeof event_time === "string") ||
    typeof ingestion_time !== "string"
  )
    return undefined;
  return { id, name, entity_type, properties, event_time, ingestion_time };
}

export const encodeEntries = (entries: EpisodicEntry[]): JsonValue =>
  ({ format: FORMAT, entries }) as unknown as JsonValue;
export const encodeEntities = (entities: Entity[]): JsonValue => ({ format: FORMAT, entities }) as unknown as JsonValue;

/** The entries a stored value holds, or a sentence saying what is wrong with it. */
export function decodeEntries(v: JsonValue): EpisodicEntry[] | string {
  if (!isObject(v) || v.format !== FORMAT || !Array.isArray(v.entries)) return "it is not { format: 1, entries }";
  const out: EpisodicEntry[] = [];
  for (let i = 0; i < v.entries.length; i++) {
    const e = readEntry(v.entries[i]);
    if (!e) return `entry ${i} is not an episodic entry`;
    out.push(e);
  }
  return out;
}

/** The entities a stored value holds, or a sentence saying what is wrong with it. */
export function decodeEntities(v: JsonValue): Entity[] | string {
  if (!isObject(v) || v.format !== FORMAT || !Array.isArray(v.entities)) return "it is not { format: 1, entities }";
  const out: Entity[] = [];
  for (let i = 0; i < v.entities.length; i++) {
    const e = readEntity(v.entities[i]);
    if (!e) return `entity ${i} is not an entity`;
    out.push(e);
  }
  return out;
}
