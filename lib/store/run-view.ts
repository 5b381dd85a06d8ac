/**
 * Folds run events into what the page shows: console lines (streamed model text grows one line per agent
 * call), a trace tree, a live token count, and the final result or error. Pure and synchronous, so the
 * run store and its tests share it.
 */
import type { ExecutionStats, LogLevel, RunEvent, TraceEvent, TraceKind } from "@/lib/core/events";
import type { JsonValue } from "@/lib/core/json";
import type { SpellErrorData } from "@/lib/core/errors";
import { DEFAULT_LIMITS } from "@/lib/core/limits";
import { utf8ByteLength } from "@/lib/core/run-guard";

export type ConsoleLine =
  | { id: number; kind: "log"; level: LogLevel; text: string; t: number }
  | { id: number; kind: "stream"; traceId: string | null; label: string; text: string; t: number; done: boolean }
  | { id: number; kind: "error"; error: SpellErrorData; t: number }
  | {
      id: number;
      kind: "system";
      level: "info" | "warn";
      text: string;
      t: number;
      /** "dropped": the note at the top that counts the lines the console dropped. */
      note?: "dropped";
    };

export interface TraceNode {
  id: string;
  parentId: string | null;
  kind: TraceKind;
  name: string;
  model?: string;
  input?: JsonValue;
  output?: JsonValue;
  error?: SpellErrorData;
  /** ms since run start */
  start: number;
  end?: number;
  durationMs?: number;
  tokens?: { input: number; output: number };
  costUsd?: number;
  /** Text deltas streamed under this node so far (a live token estimate before usage arrives). */
  streamedDeltas: number;
  children: string[];
}

export interface RunView {
  lines: ConsoleLine[];
  nodes: Record<string, TraceNode>;
  roots: string[];
  result?: { value: JsonValue; stats: ExecutionStats };
  error?: { error: SpellErrorData; stats: ExecutionStats };
  /** The last event's time (ms since start). */
  lastT: number;
  nextLineId: number;
  /** Console lines dropped so far at the cap (the note at the top says how many). */
  droppedLines: number;
  /**
   * The dropped lines as text (as `consoleText` writes them, each ending in a newline), so "Download output" has
   * the whole output: at most MAX_DROPPED_BYTES of UTF-8, then lines are only counted in `droppedUnkept`.
   * A string, not an array: appending makes a rope, and a published copy of the view never changes under it.
   */
  droppedText: string;
  droppedBytes: number;
  droppedUnkept: number;
  /** The run sent every model to the mock ("mock every model"); the console says so once an agent asks for another. */
  mockAll: boolean;
  mockNoted: boolean;
}

/** Cap on console lines kept in the view; older ones are dropped with a note. */
export const MAX_CONSOLE_LINES = 5000;
/** Lines past the cap before a trim: trimming in batches keeps a flood of prints linear, not quadratic. */
const TRIM_SLACK = 500;
/**
 * UTF-8 bytes of dropped lines kept for the download: the run's output cap. The output meter admits at most that
 * much text into a run (counting 32 bytes more per entry), so every line a run printed fits.
 */
export const MAX_DROPPED_BYTES = DEFAULT_LIMITS.maxOutputBytes;

export function createRunView({ mockAll = false }: { mockAll?: boolean } = {}): RunView {
  return {
    lines: [],
    nodes: {},
    roots: [],
    lastT: 0,
    nextLineId: 1,
    droppedLines: 0,
    droppedText: "",
    droppedBytes: 0,
    droppedUnkept: 0,
    mockAll,
    mockNoted: false,
  };
}

/** Apply one event, mutating `view` (the store copies it before publishing). */
export function applyRunEvent(view: RunView, event: RunEvent): void {
  switch (event.type) {
    case "log":
      view.lastT = Math.max(view.lastT, event.t);
      pushLine(view, { id: 0, kind: "log", level: event.level, text: event.text, t: event.t });
      return;
    case "stream": {
      view.lastT = Math.max(view.lastT, event.t);
      const traceId = event.traceId ?? null;
      const node = traceId ? view.nodes[traceId] : undefined;
      if (node) node.streamedDeltas += 1;
      const last = view.lines[view.lines.length - 1];
      if (last && last.kind === "stream" && last.traceId === traceId && !last.done) {
        view.lines[view.lines.length - 1] = { ...last, text: last.text + event.text };
      } else {
        pushLine(view, {
          id: 0,
          kind: "stream",
          traceId,
          label: node ? labelOf(node) : "model",
          text: event.text,
          t: event.t,
          done: false,
        });
      }
      return;
    }
    case "trace":
      view.lastT = Math.max(view.lastT, event.t);
      if (event.phase === "start") {
        const parentId = event.parentId && view.nodes[event.parentId] ? event.parentId : null;
        view.nodes[event.id] = {
          id: event.id,
          parentId,
          kind: event.kind,
          name: event.name,
          model: event.model,
          input: event.input,
          start: event.t,
          streamedDeltas: 0,
          children: [],
        };
        if (parentId) view.nodes[parentId].children.push(event.id);
        else view.roots.push(event.id);
        if (
          view.mockAll &&
          !view.mockNoted &&
          event.kind === "agent" &&
          event.model &&
          !event.model.startsWith("mock/")
        ) {
          view.mockNoted = true;
          pushLine(view, {
            id: 0,
            kind: "system",
            level: "info",
            text: `Mock run: every model is answered by mock/default ("mock every model" is on; ${event.name} asked for ${event.model}).`,
            t: event.t,
          });
        }
      } else {
        const node = view.nodes[event.id];
        if (!node) return;
        node.end = event.t;
        node.durationMs = event.durationMs;
        if (event.output !== undefined) node.output = event.output;
        if (event.error) node.error = event.error;
        if (event.model) node.model = event.model;
        if (event.tokens) node.tokens = event.tokens;
        if (event.costUsd !== undefined) node.costUsd = event.costUsd;
        // The streamed line of this call is complete.
        for (let i = view.lines.length - 1; i >= 0; i--) {
          const line = view.lines[i];
          if (line.kind === "stream" && line.traceId === event.id && !line.done) {
            view.lines[i] = { ...line, done: true };
            break;
          }
        }
      }
      return;
    case "result":
      view.result = { value: event.value, stats: event.stats };
      closeStreams(view);
      return;
    case "error":
      view.error = { error: event.error, stats: event.stats };
      closeStreams(view);
      pushLine(view, { id: 0, kind: "error", error: event.error, t: event.stats.durationMs });
      return;
  }
}

function closeStreams(view: RunView): void {
  view.lines = view.lines.map((l) => (l.kind === "stream" && !l.done ? { ...l, done: true } : l));
}

function pushLine(view: RunView, line: ConsoleLine): void {
  line.id = view.nextLineId++;
  view.lines.push(line);
  if (view.lines.length <= MAX_CONSOLE_LINES + TRIM_SLACK) return;
  // Keep the newest lines and one note at the top that counts every line dropped so far.
  const noted = view.lines[0].kind === "system" && view.lines[0].note === "dropped";
  const cut = view.lines.length - (MAX_CONSOLE_LINES - 1);
  const gone = view.lines.slice(noted ? 1 : 0, cut);
  keepDropped(view, gone);
  view.droppedLines += gone.length;
  view.lines = [
    {
      id: view.nextLineId++,
      kind: "system",
      level: "warn",
      text: droppedNote(view.droppedLines),
      t: 0,
      note: "dropped",
    },
    ...view.lines.slice(cut),
  ];
}

/** The note's wording (numbers grouped, so 23,640 reads at a glance). */
export function droppedNote(count: number): string {
  return `${count.toLocaleString("en-US")} earlier lines were dropped (the console keeps the last ${MAX_CONSOLE_LINES.toLocaleString("en-US")}; Download output has them).`;
}

function keepDropped(view: RunView, lines: ConsoleLine[]): void {
  let text = "";
  let bytes = 0;
  let i = 0;
  for (; i < lines.length; i++) {
    const lineText = `${consoleText([lines[i]])}\n`;
    const size = utf8ByteLength(lineText);
    if (view.droppedUnkept > 0 || view.droppedBytes + bytes + size > MAX_DROPPED_BYTES) break;
    text += lineText;
    bytes += size;
  }
  view.droppedText += text;
  view.droppedBytes += bytes;
  // Past the bound nothing more is kept (the download keeps the oldest lines, as the output cap does).
  view.droppedUnkept += lines.length - i;
}

/** Empty the console, and what it dropped. */
export function clearConsoleLines(view: RunView): void {
  view.lines = [];
  view.droppedLines = 0;
  view.droppedText = "";
  view.droppedBytes = 0;
  view.droppedUnkept = 0;
}

/**
 * The whole output for "Download output": the dropped lines the view kept, then the console's lines (the
 * dropped-lines note left out), and a last line saying how many lines were not kept, if any.
 */
export function fullOutputText(view: RunView): string {
  const shown = view.lines.filter((l) => !(l.kind === "system" && l.note === "dropped"));
  const unkept =
    view.droppedUnkept > 0
      ? `# ${view.droppedUnkept.toLocaleString("en-US")} lines after the first ${MAX_DROPPED_BYTES} bytes of dropped lines were not kept.\n`
      : "";
  return `${view.droppedText}${unkept}${consoleText(shown)}\n`;
}

function labelOf(node: TraceNode): string {
  return node.kind === "model" && node.parentId ? node.name : node.name || node.kind;
}

/**
 * Tokens so far: exact usage of finished calls, plus streamed deltas of calls still running. A node that
 * has descendants reporting tokens is not counted again (an agent and its model calls report the same).
 */
export function countTokens(view: RunView): { input: number; output: number; live: number } {
  let input = 0;
  let output = 0;
  let live = 0;
  const hasTokenDescendant = (id: string): boolean =>
    view.nodes[id].children.some((c) => view.nodes[c].tokens !== undefined || hasTokenDescendant(c));
  for (const node of Object.values(view.nodes)) {
    if (node.tokens) {
      if (hasTokenDescendant(node.id)) continue;
      input += node.tokens.input;
      output += node.tokens.output;
    } else if (node.end === undefined && node.streamedDeltas > 0 && !hasTokenDescendant(node.id)) {
      live += node.streamedDeltas;
    }
  }
  // Streams without a trace node still count as live tokens.
  return { input, output, live };
}

/** Total estimated cost of the run (USD), or undefined when no call reported one. */
export function totalCost(view: RunView): number | undefined {
  let sum: number | undefined;
  for (const node of Object.values(view.nodes)) {
    if (node.costUsd === undefined) continue;
    const counted = node.children.some((c) => view.nodes[c].costUsd !== undefined);
    if (!counted) sum = (sum ?? 0) + node.costUsd;
  }
  return sum;
}

/** Text of the console as a user would copy it. */
export function consoleText(lines: ConsoleLine[]): string {
  return lines
    .map((l) => {
      switch (l.kind) {
        case "log":
          return l.level === "log" || l.level === "info" ? l.text : `[${l.level}] ${l.text}`;
        case "stream":
          return `${l.label}> ${l.text}`;
        case "error":
          return `${l.error.kind}: ${l.error.message}${l.error.line !== undefined ? ` (line ${l.error.line})` : ""}`;
        case "system":
          return `# ${l.text}`;
      }
    })
    .join("\n");
}

/** The view's trace as trace events again (start and end per node, in time order), e.g. for an OTLP export. */
export function traceEventsOf(view: RunView): TraceEvent[] {
  const events: TraceEvent[] = [];
  for (const n of Object.values(view.nodes)) {
    const start: TraceEvent = { type: "trace", phase: "start", id: n.id, kind: n.kind, name: n.name, t: n.start };
    if (n.parentId) start.parentId = n.parentId;
    if (n.input !== undefined) start.input = n.input;
    if (n.model) start.model = n.model;
    events.push(start);
    if (n.end === undefined) continue;
    const end: TraceEvent = { type: "trace", phase: "end", id: n.id, t: n.end, durationMs: n.durationMs ?? 0 };
    if (n.output !== undefined) end.output = n.output;
    if (n.error) end.error = n.error;
    if (n.model) end.model = n.model;
    if (n.tokens) end.tokens = n.tokens;
    if (n.costUsd !== undefined) end.costUsd = n.costUsd;
    events.push(end);
  }
  return events.sort((a, b) => a.t - b.t || (a.phase === b.phase ? 0 : a.phase === "start" ? -1 : 1));
}
