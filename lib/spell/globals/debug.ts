/** Debug: leveled logging to `log` run events, captured entries, timers, and value dumps. */
import * as z from "zod";
import type { SpellLanguage } from "@/lib/core/dialect";
import type { HandleRef } from "@/lib/core/engine";
import type { JsonValue } from "@/lib/core/json";
import type { LogLevel } from "@/lib/core/events";
import type { SpellContext } from "../core/context";
import { nonNegInt, str } from "../core/validate";
import { isPlainObject, toJson } from "../core/values";
import type { GlobalModule } from "./module";

const DEBUG_LEVELS = ["trace", "debug", "info", "warn", "error"] as const;
type DebugLevel = (typeof DEBUG_LEVELS)[number];
/** Captured entries kept for `Debug.getCapturedEntries` (oldest dropped first). */
export const MAX_CAPTURED_ENTRIES = 1000;

const toLogLevel: Record<DebugLevel, LogLevel> = {
  trace: "debug",
  debug: "debug",
  info: "info",
  warn: "warn",
  error: "error",
};

/** A readable, stable dump of a value: `{ a = 1, b = { "x" } }` in Lua style, JSON-like in JavaScript. */
export function dumpValue(v: JsonValue, language: SpellLanguage, indent = 0): string {
  const lua = language === "lua";
  const pad = "  ".repeat(indent + 1);
  const end = "  ".repeat(indent);
  if (v === null) return lua ? "nil" : "null";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v !== "object") return String(v);
  if (Array.isArray(v)) {
    if (v.length === 0) return lua ? "{}" : "[]";
    const items = v.map((x) => pad + dumpValue(x, language, indent + 1));
    return lua ? `{\n${items.join(",\n")}\n${end}}` : `[\n${items.join(",\n")}\n${end}]`;
  }
  const keys = Object.keys(v).sort();
  if (keys.length === 0) return "{}";
  const items = keys.map(
    (k) =>
      `${pad}${lua ? (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : `["${k}"]`) + " = " : JSON.stringify(k) + ": "}${dumpValue(v[k], language, indent + 1)}`,
  );
  return `{\n${items.join(",\n")}\n${end}}`;
}

export function createDebugModule(ctx: SpellContext): GlobalModule {
  const { check, handles } = ctx;
  let level: DebugLevel = "info";
  let enabled = true;
  const captured: JsonValue[] = [];
  const levelSchema = z.enum(DEBUG_LEVELS);

  const log = (lvl: DebugLevel, message: unknown, data?: unknown, module?: string) => {
    if (!enabled || DEBUG_LEVELS.indexOf(lvl) < DEBUG_LEVELS.indexOf(level)) return null;
    const msg = typeof message === "string" ? message : JSON.stringify(toJson(message));
    const dataJson = data === undefined || data === null ? undefined : toJson(data);
    const text = `[${lvl.toUpperCase()}]${module ? ` [${module}]` : ""} ${msg}${dataJson !== undefined ? ` ${JSON.stringify(dataJson)}` : ""}`;
    ctx.log(toLogLevel[lvl], text);
    captured.push({
      timestamp: new Date(ctx.wallClockMs()).toISOString(),
      level: lvl,
      message: msg,
      ...(module ? { module } : {}),
      ...(dataJson !== undefined ? { metadata: dataJson } : {}),
    });
    if (captured.length > MAX_CAPTURED_ENTRIES) captured.shift();
    return null;
  };
  // `Debug.info(msg, module?)` (rs-llmspell) or `Debug.info(msg, data?)` (docs/spell-api.md): a string is a module name.
  const leveled =
    (lvl: DebugLevel) =>
    ([msg, extra]: unknown[]) =>
      typeof extra === "string"
        ? log(lvl, msg, undefined, extra)
        : log(lvl, msg, isPlainObject(extra) || Array.isArray(extra) ? extra : (extra ?? undefined));

  interface Timer {
    name: string;
    start: number;
    laps: { name: string; ms: number }[];
    stopped?: number;
  }
  const timerOf = (self: HandleRef, m: string) => handles.get<Timer>(self, "DebugTimer", `timer:${m}`);
  const elapsed = (t: Timer) => (t.stopped ?? ctx.runtime.now()) - t.start;

  return {
    name: "Debug",
    classes: {
      DebugTimer: {
        methods: {
          stop: (self) => {
            const t = timerOf(self, "stop");
            t.stopped ??= ctx.runtime.now();
            return elapsed(t);
          },
          elapsed: (self) => elapsed(timerOf(self, "elapsed")),
          lap: (self, [name]) => {
            const t = timerOf(self, "lap");
            const ms = elapsed(t);
            t.laps.push({ name: typeof name === "string" ? name : `lap${t.laps.length + 1}`, ms });
            return ms;
          },
          laps: (self) => timerOf(self, "laps").laps.map((l) => ({ name: l.name, ms: l.ms })),
        },
      },
    },
    global: {
      functions: {
        log: ([lvl, msg, module]) =>
          log(
            check("Debug.log", "level", levelSchema, lvl),
            msg,
            undefined,
            typeof module === "string" ? module : undefined,
          ),
        logWithData: ([lvl, msg, data, module]) =>
          log(
            check("Debug.logWithData", "level", levelSchema, lvl),
            msg,
            data,
            typeof module === "string" ? module : undefined,
          ),
        trace: leveled("trace"),
        debug: leveled("debug"),
        info: leveled("info"),
        warn: leveled("warn"),
        error: leveled("error"),
        setLevel: ([lvl]) => {
          level = check("Debug.setLevel", "level", levelSchema, lvl);
          return null;
        },
        getLevel: () => level,
        setEnabled: ([b]) => {
          enabled = check("Debug.setEnabled", "enabled", z.boolean(), b);
          return null;
        },
        isEnabled: () => enabled,
        getCapturedEntries: ([limit]) => {
          const n =
            limit === undefined || limit === null
              ? captured.length
              : check("Debug.getCapturedEntries", "limit", nonNegInt, limit);
          return n === 0 ? [] : captured.slice(-n);
        },
        clearCaptured: () => {
          captured.length = 0;
          return null;
        },
        timer: ([name]) => {
          const n = check("Debug.timer", "name", str, name ?? "timer");
          return handles.create("DebugTimer", { name: n, start: ctx.runtime.now(), laps: [] } satisfies Timer, {
            name: n,
          });
        },
        dump: ([v, label]) =>
          (typeof label === "string" ? `${label}: ` : "") + dumpValue(toJson(v), ctx.dialect.language),
        dumpCompact: ([v]) => JSON.stringify(toJson(v)),
        dumpVerbose: ([v, label]) =>
          (typeof label === "string" ? `${label}: ` : "") + dumpValue(toJson(v), ctx.dialect.language),
      },
    },
  };
}
