/**
 * Event: a pull-model pub/sub (as in rs-llmspell): `publish(type, data)`, `subscribe(glob) -> id`,
 * `receive(id, timeout_ms) -> event | nil`, `unsubscribe(id)`.
 */
import { SpellError } from "@/lib/core/errors";
import { type HostValue } from "@/lib/core/engine";
import { type JsonValue } from "@/lib/core/json";
import { raceSignal } from "../core/budget";
import type { SpellContext } from "../core/context";
import { nonEmptyStr, nonNegInt, str, table } from "../core/validate";
import { randomUuid, toJson } from "../core/values";
import type { GlobalModule } from "./module";

/** Events a subscription holds before the oldest are dropped. */
const MAX_QUEUED_EVENTS = 1000;
const DEFAULT_RECEIVE_TIMEOUT_MS = 5000;

interface Subscription {
  id: string;
  pattern: string;
  regex: RegExp;
  queue: JsonValue[];
  waiters: ((ev: JsonValue | null) => void)[];
  dropped: number;
}

/** `user.*` matches `user.login` and `user.a.b`; `?` matches one character; everything else is literal. */
export function globToRegExp(glob: string): RegExp {
  const src = glob
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${src}$`);
}

export function createEventModule(ctx: SpellContext): GlobalModule {
  const { check } = ctx;
  const subs = new Map<string, Subscription>();
  let nextSub = 0;
  let sequence = 0;
  let published = 0;
  let delivered = 0;
  const language = ctx.dialect.language;

  const getSub = (where: string, id: unknown) => {
    const sid = check(where, "subscription_id", str, id);
    const s = subs.get(sid);
    if (!s)
      throw new SpellError(
        "not_found",
        `${where}: no subscription "${sid}" (it was never created or was unsubscribed)`,
      );
    return s;
  };

  return {
    name: "Event",
    global: {
      functions: {
        publish([type, data, opts]) {
          const eventType = check("Event.publish", "event_type", nonEmptyStr, type);
          const o =
            opts === undefined || opts === null
              ? {}
              : (check("Event.publish", "options", table, opts) as Record<string, unknown>);
          const payload = ctx.jsonArg(data, "Event.publish", "data", "published");
          const ev: JsonValue = {
            id: randomUuid(ctx.random),
            event_type: eventType,
            data: payload,
            timestamp: new Date(ctx.wallClockMs()).toISOString(),
            sequence: ++sequence,
            language: typeof o.language === "string" ? o.language : language,
            ...(typeof o.correlation_id === "string" ? { correlation_id: o.correlation_id } : {}),
            ...(typeof o.ttl_seconds === "number" ? { ttl: o.ttl_seconds } : {}),
            metadata: { source: language, tags: [] },
          };
          const span = ctx.tracer.start("event", eventType, { parentId: ctx.ambientParent(), input: toJson(payload) });
          let n = 0;
          for (const s of subs.values()) {
            if (!s.regex.test(eventType)) continue;
            n++;
            const waiter = s.waiters.shift();
            if (waiter) waiter(ev);
            else {
              s.queue.push(ev);
              if (s.queue.length > MAX_QUEUED_EVENTS) {
                s.queue.shift();
                s.dropped++;
              }
            }
          }
          published++;
          delivered += n;
          span.end({ output: { delivered: n } });
          return true;
        },
        subscribe([pattern]) {
          const p = check("Event.subscribe", "pattern", nonEmptyStr, pattern);
          const id = `sub_${++nextSub}`;
          subs.set(id, { id, pattern: p, regex: globToRegExp(p), queue: [], waiters: [], dropped: 0 });
          return id;
        },
        receive([id, timeout]): HostValue | Promise<HostValue> {
          const s = getSub("Event.receive", id);
          const ms =
            timeout === undefined || timeout === null
              ? DEFAULT_RECEIVE_TIMEOUT_MS
              : check("Event.receive", "timeout_ms", nonNegInt, timeout);
          if (s.queue.length > 0) return s.queue.shift() ?? null;
          if (ms === 0) return null;
          ctx.throwIfAborted();
          let waiter: (ev: JsonValue | null) => void = () => {};
          let timer: ReturnType<typeof setTimeout> | undefined;
          const p = new Promise<JsonValue | null>((resolve) => {
            waiter = (ev) => {
              if (timer) clearTimeout(timer);
              resolve(ev);
            };
            s.waiters.push(waiter);
            timer = setTimeout(() => {
              s.waiters.splice(s.waiters.indexOf(waiter), 1);
              resolve(null);
            }, ms);
          });
          return raceSignal(p, ctx.runtime.signal, () => {
            if (timer) clearTimeout(timer);
            s.waiters.splice(s.waiters.indexOf(waiter), 1);
            return new SpellError("cancelled", "the run was cancelled");
          });
        },
        unsubscribe([id]) {
          const sid = check("Event.unsubscribe", "subscription_id", str, id);
          const s = subs.get(sid);
          if (!s) return false;
          subs.delete(sid);
          for (const w of s.waiters) w(null);
          return true;
        },
        list_subscriptions() {
          return [...subs.values()].map((s) => ({ id: s.id, pattern: s.pattern, language, queued: s.queue.length }));
        },
        get_stats() {
          return {
            event_bus_stats: { events_published: published, events_delivered: delivered, subscriptions: subs.size },
            bridge_stats: { language, dropped: [...subs.values()].reduce((a, s) => a + s.dropped, 0) },
          };
        },
      },
    },
  };
}
