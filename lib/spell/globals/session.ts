/**
 * Session: rs-llmspell's session manager (`lua/globals/session.rs`). Ids are UUID strings; a session is
 * active, suspended or completed (rs's transitions: suspend from active, resume from suspended, complete from
 * either). Sessions persist where State does (lib/spell/session/). Replay needs rs-llmspell's hook recordings,
 * which the playground does not keep: `can_replay` is false, `list_replayable` empty, `replay` raises.
 */
import { SpellError } from "@/lib/core/errors";
import type { HandleRef, HostValue } from "@/lib/core/engine";
import type { JsonValue } from "@/lib/core/json";
import { utf8Length } from "@/lib/encoding/utf8";
import * as z from "zod";
import type { SpellContext } from "../core/context";
import { nonNegInt, str, table } from "../core/validate";
import { randomUuid, type JsonObject } from "../core/values";
import { SESSION_BOUNDS } from "../session/bounds";
import { SESSION_STATUSES, type SessionRecord, type SessionStatus } from "../session/records";
import type { SessionService } from "../session/service";
import type { GlobalModule } from "./module";

const B = "SessionBuilder";
const fmt = (n: number) => n.toLocaleString("en-US");

const nameText = z.string().max(SESSION_BOUNDS.maxNameChars);
const createSchema = z.object({
  name: nameText.optional(),
  description: z
    .string()
    .max(4 * SESSION_BOUNDS.maxNameChars)
    .optional(),
  tags: z.array(nameText).optional(),
  metadata: table.optional(),
  parent_session_id: str.optional(),
});
const listSchema = z.object({
  tags: z.array(str).optional(),
  status: z.enum(SESSION_STATUSES).optional(),
  limit: nonNegInt.optional(),
});

/** rs-llmspell's session metadata as a spell sees it (`session_metadata_to_json`). */
function sessionView(s: SessionRecord): JsonObject {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    tags: s.tags,
    status: s.status,
    created_at: s.created_at,
    updated_at: s.updated_at,
    parent_session_id: s.parent_session_id,
    custom_metadata: s.custom_metadata,
  };
}

interface BuilderState {
  name?: string;
  description?: string;
  tags: string[];
}

export function createSessionModule(ctx: SpellContext, sessions: SessionService): GlobalModule {
  const { check, handles } = ctx;
  const { store } = sessions;

  const create = async (where: string, raw: unknown): Promise<string> => {
    const opts = raw === undefined || raw === null ? {} : check(where, "options", table, raw);
    const o = check(where, "options", createSchema, opts);
    let metadata: JsonObject = {};
    if (o.metadata !== undefined) {
      metadata = ctx.jsonArg(
        (opts as Record<string, unknown>).metadata,
        where,
        "options.metadata",
        "stored",
      ) as JsonObject;
      const size = utf8Length(JSON.stringify(metadata));
      if (size > SESSION_BOUNDS.maxMetadataBytes)
        throw new SpellError(
          "api",
          `${where}: options.metadata is ${fmt(size)} bytes as JSON; it may be at most ${fmt(SESSION_BOUNDS.maxMetadataBytes)}`,
        );
    }
    let parent: string | null = null;
    if (o.parent_session_id !== undefined)
      parent = (await sessions.require(where, "options.parent_session_id", o.parent_session_id)).id;
    const count = (await store.list()).length;
    if (count >= SESSION_BOUNDS.maxSessions)
      throw new SpellError(
        "api",
        `${where}: ${fmt(count)} sessions are stored, the most one workspace keeps; delete some with Session.delete(id)`,
      );
    const now = new Date(ctx.wallClockMs()).toISOString();
    const s: SessionRecord = {
      id: randomUuid(ctx.random),
      name: o.name ?? null,
      description: o.description ?? null,
      tags: o.tags ?? [],
      status: "active",
      created_at: now,
      updated_at: now,
      parent_session_id: parent,
      custom_metadata: metadata,
      operation_count: 0,
      artifact_count: 0,
      artifact_bytes: 0,
      order: await store.nextOrder(),
    };
    await store.put(s);
    return s.id;
  };

  /** rs-llmspell's state machine: `to` is reachable only from `from`. */
  const transition = async (
    where: string,
    id: unknown,
    to: SessionStatus,
    from: readonly SessionStatus[],
  ): Promise<null> => {
    const s = await sessions.require(where, "session_id", id);
    if (!from.includes(s.status))
      throw new SpellError(
        "api",
        `${where}: session ${s.id} is ${s.status}; only ${from.join(" or ")} sessions can become ${to}`,
      );
    await store.put({ ...s, status: to, updated_at: new Date(ctx.wallClockMs()).toISOString() });
    return null;
  };

  const builderOf = (self: HandleRef, m: string) => handles.get<BuilderState>(self, B, `Session.builder():${m}`);

  return {
    name: "Session",
    global: {
      functions: {
        create: ([opts]) => create("Session.create", opts),
        builder: () => handles.create(B, { tags: [] } satisfies BuilderState),
        get: async ([id]) => sessionView(await sessions.require("Session.get", "session_id", id)) as HostValue,
        list: async ([query]) => {
          const q =
            query === undefined || query === null
              ? {}
              : check("Session.list", "query", listSchema, check("Session.list", "query", table, query));
          let list = await store.list();
          if (q.status) list = list.filter((s) => s.status === q.status);
          if (q.tags?.length) list = list.filter((s) => q.tags!.every((t) => s.tags.includes(t)));
          if (q.limit !== undefined) list = list.slice(0, q.limit);
          return list.map(sessionView) as HostValue;
        },
        // Every change is stored as it happens, so save checks the session exists and load reads it back.
        save: async ([id]) => {
          await sessions.require("Session.save", "session_id", id);
          return null;
        },
        load: async ([id]) => (await sessions.require("Session.load", "session_id", id)).id,
        complete: ([id]) => transition("Session.complete", id, "completed", ["active", "suspended"]),
        suspend: ([id]) => transition("Session.suspend", id, "suspended", ["active"]),
        resume: ([id]) => transition("Session.resume", id, "active", ["suspended"]),
        delete: async ([id]) => {
          const s = await sessions.require("Session.delete", "session_id", id);
          await store.remove(s.id);
          if (sessions.current === s.id) sessions.current = undefined;
          return null;
        },
        get_current: () => sessions.current ?? null,
        set_current: async ([id]) => {
          sessions.current =
            id === undefined || id === null
              ? undefined
              : (await sessions.require("Session.set_current", "session_id", id)).id;
          return null;
        },
        can_replay: async ([id]) => {
          await sessions.require("Session.can_replay", "session_id", id);
          return false;
        },
        list_replayable: () => [],
        replay: async ([id]) => {
          await sessions.require("Session.replay", "session_id", id);
          throw new SpellError(
            "unsupported_feature",
            "Session.replay: the playground records no hook executions to replay; use the run's trace instead",
          );
        },
        get_replay_metadata: async ([id]) => {
          await sessions.require("Session.get_replay_metadata", "session_id", id);
          throw new SpellError(
            "unsupported_feature",
            "Session.get_replay_metadata: the playground records no hook executions to replay",
          );
        },
      },
    },
    classes: {
      [B]: {
        methods: {
          name: (self, [v]) => {
            builderOf(self, "name").name = check("Session.builder():name", undefined, nameText, v);
            return self;
          },
          description: (self, [v]) => {
            builderOf(self, "description").description = check("Session.builder():description", undefined, str, v);
            return self;
          },
          tag: (self, [v]) => {
            builderOf(self, "tag").tags.push(check("Session.builder():tag", undefined, nameText, v));
            return self;
          },
          tags: (self, [v]) => {
            builderOf(self, "tags").tags.push(...check("Session.builder():tags", undefined, z.array(nameText), v));
            return self;
          },
          build: (self) => {
            const b = builderOf(self, "build");
            return create("Session.builder():build", {
              ...(b.name !== undefined ? { name: b.name } : {}),
              ...(b.description !== undefined ? { description: b.description } : {}),
              tags: b.tags,
            } satisfies { [key: string]: JsonValue });
          },
        },
      },
    },
  };
}
