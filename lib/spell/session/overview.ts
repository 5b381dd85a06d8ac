/**
 * Sessions and their artifacts as the State panel lists them, read straight from a State store's entries (the
 * page reads IndexedDB directly; no run is needed). Unreadable records are reported, not dropped.
 */
import type { JsonValue } from "@/lib/core/json";
import { artifactTypeName } from "../globals/artifact";
import { ARTIFACT_STATE_SCOPE, SESSION_STATE_SCOPE, decodeArtifact, decodeSession } from "./records";

interface ArtifactSummary {
  sequence: number;
  name: string;
  artifactType: string;
  mimeType: string;
  size: number;
  createdAt: string;
}

interface SessionSummary {
  id: string;
  name: string | null;
  status: string;
  tags: string[];
  createdAt: string;
  artifacts: ArtifactSummary[];
}

export interface SessionOverview {
  sessions: SessionSummary[];
  /** `scope/key: reason` for each stored value that cannot be read. */
  unreadable: string[];
}

/** The State scopes the overview covers (the panel lists the other scopes as they are). */
export const SESSION_SCOPES: readonly string[] = [SESSION_STATE_SCOPE, ARTIFACT_STATE_SCOPE];

export function summarizeSessions(entries: { scope: string; key: string; value: JsonValue }[]): SessionOverview {
  const unreadable: string[] = [];
  const byId = new Map<string, SessionSummary & { order: number }>();
  for (const e of entries) {
    if (e.scope !== SESSION_STATE_SCOPE) continue;
    const s = decodeSession(e.value);
    if (typeof s === "string") unreadable.push(`${e.scope}/${e.key}: ${s}`);
    else
      byId.set(s.id, {
        id: s.id,
        name: s.name,
        status: s.status,
        tags: s.tags,
        createdAt: s.created_at,
        artifacts: [],
        order: s.order,
      });
  }
  for (const e of entries) {
    if (e.scope !== ARTIFACT_STATE_SCOPE) continue;
    const a = decodeArtifact(e.value);
    if (typeof a === "string") {
      unreadable.push(`${e.scope}/${e.key}: ${a}`);
      continue;
    }
    byId.get(a.session_id)?.artifacts.push({
      sequence: a.sequence,
      name: a.metadata.name,
      artifactType: artifactTypeName(a.metadata.artifact_type),
      mimeType: a.metadata.mime_type,
      size: a.metadata.size,
      createdAt: a.metadata.created_at,
    });
  }
  const sessions = [...byId.values()]
    .sort((a, b) => a.order - b.order)
    .map(({ order: _order, ...s }) => ({ ...s, artifacts: s.artifacts.sort((x, y) => x.sequence - y.sequence) }));
  return { sessions, unreadable };
}
