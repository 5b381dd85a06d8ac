/**
 * A run's profile in the files other tools open: speedscope's JSON (one evented profile, O/C events over
 * shared frames; https://www.speedscope.app/file-format-schema.json) and Chrome's trace event JSON (B/E
 * duration events in microseconds; Perfetto and chrome://tracing open it). Both are written from
 * {@link ProfileData}'s balanced events, so a wait (`model mock/default`) is a frame like any function.
 */
import type { ProfileData } from "./profile";

const SPEEDSCOPE_SCHEMA = "https://www.speedscope.app/file-format-schema.json";

export interface SpeedscopeFile {
  $schema: typeof SPEEDSCOPE_SCHEMA;
  name: string;
  exporter: string;
  activeProfileIndex: number;
  shared: { frames: { name: string; file?: string; line?: number }[] };
  profiles: {
    type: "evented";
    name: string;
    unit: "milliseconds";
    startValue: number;
    endValue: number;
    events: { type: "O" | "C"; at: number; frame: number }[];
  }[];
}

export function toSpeedscope(profile: ProfileData): SpeedscopeFile {
  const last = profile.events.length ? profile.events[profile.events.length - 1].at : 0;
  return {
    $schema: SPEEDSCOPE_SCHEMA,
    name: profile.name,
    exporter: "llmspell",
    activeProfileIndex: 0,
    shared: {
      frames: profile.frames.map((f) => ({
        name: f.name,
        ...(f.file !== undefined ? { file: f.file } : {}),
        ...(f.line !== undefined ? { line: f.line } : {}),
      })),
    },
    profiles: [
      {
        type: "evented",
        name: profile.name,
        unit: "milliseconds",
        startValue: 0,
        endValue: Math.ceil(Math.max(last, profile.durationMs) * 1000) / 1000,
        events: profile.events.map((e) => ({ type: e.type, at: round(e.at), frame: e.frame })),
      },
    ],
  };
}

interface TraceEvent {
  name: string;
  ph: "B" | "E" | "M";
  ts?: number;
  pid: number;
  tid: number;
  cat?: string;
  args?: Record<string, string | number>;
}

export interface ChromeTrace {
  traceEvents: TraceEvent[];
  displayTimeUnit: "ms";
}

/** The profile as Chrome trace events: a wait is in category `wait`, a function in `spell`. */
export function toChromeTrace(profile: ProfileData): ChromeTrace {
  const waits = new Set(profile.functions.filter((f) => f.wait).map((f) => f.name));
  const traceEvents: TraceEvent[] = [
    { name: "process_name", ph: "M", pid: 1, tid: 1, args: { name: "llmspell" } },
    { name: "thread_name", ph: "M", pid: 1, tid: 1, args: { name: profile.name } },
  ];
  for (const e of profile.events) {
    const f = profile.frames[e.frame];
    const ev: TraceEvent = {
      name: f.name,
      ph: e.type === "O" ? "B" : "E",
      ts: Math.round(e.at * 1000),
      pid: 1,
      tid: 1,
      cat: waits.has(f.name) ? "wait" : "spell",
    };
    if (e.type === "O" && f.file !== undefined) ev.args = { file: f.file, ...(f.line ? { line: f.line } : {}) };
    traceEvents.push(ev);
  }
  return { traceEvents, displayTimeUnit: "ms" };
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/** One bar of a flame chart (time runs left to right, callers above callees). */
export interface FlameBar {
  name: string;
  /** ms since the profile's start */
  start: number;
  end: number;
  depth: number;
  wait: boolean;
}

/**
 * The profile's events as flame-chart bars, the longest `max` of them (shorter ones would be thinner than a
 * pixel anyway), in start order.
 */
export function flameBars(profile: ProfileData, max = 1500): FlameBar[] {
  const waits = new Set(profile.functions.filter((f) => f.wait).map((f) => f.name));
  const open: { frame: number; start: number }[] = [];
  const bars: FlameBar[] = [];
  for (const e of profile.events) {
    if (e.type === "O") {
      open.push({ frame: e.frame, start: e.at });
      continue;
    }
    const o = open.pop();
    if (!o) continue;
    const name = profile.frames[o.frame].name;
    bars.push({ name, start: o.start, end: e.at, depth: open.length, wait: waits.has(name) });
  }
  if (bars.length > max) {
    bars.sort((a, b) => b.end - b.start - (a.end - a.start));
    bars.length = max;
  }
  return bars.sort((a, b) => a.start - b.start || a.depth - b.depth);
}
