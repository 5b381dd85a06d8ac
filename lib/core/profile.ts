/**
 * The profiler every engine feeds: a sampling profiler whose samples become an evented timeline (speedscope's
 * O/C events), plus exact frames for the spell API's waits (`model mock/default`, `tool calculator`), so CPU
 * and waiting are told apart. Totals per function and per line (self and total) are summed as it goes.
 *
 * Engines call {@link Profiler.sample} with the spell's stack now and then (Lua: from its count hook; JavaScript:
 * from QuickJS's interrupt handler), give a way to read the stack at any moment ({@link ProfileEngine}, for the
 * stack under a wait), and call {@link Profiler.finish} when the spell ends. The stack seen at a sample is taken
 * to run until the next sample (or wait, or the end); a wait's frame is exact (the call observer opens and
 * closes it).
 *
 * Why sampling and not a call/return hook: fib(25) under a Lua call+return hook that timestamps each event ran
 * over 2× a plain run (every call crosses from wasm into JS twice), and a QuickJS host call per function entry
 * costs more than the function; sampling stays under the 1.5× target (bench/debug.ts measures it). Written by
 * hand: no profiling library runs inside a wasm VM's hooks, and the output formats are small.
 */
import type { CallObserver } from "./call-observer";
import type { TraceKind } from "./events";

/** A function of the spell (or a wait), as the profile names it. */
export interface ProfileFrame {
  name: string;
  /** The chunk (`spell.lua`); absent for a wait. */
  file?: string;
  /** The line the function starts on (0 for the main chunk's). */
  line?: number;
}

/** One entry of a sampled stack: the function and the line it is at. */
export interface StackEntry {
  frame: ProfileFrame;
  line: number;
}

export interface ProfileEvent {
  type: "O" | "C";
  /** ms since the profile started */
  at: number;
  /** Index into {@link ProfileData.frames}. */
  frame: number;
}

export interface ProfileRow {
  name: string;
  file?: string;
  line?: number;
  /** ms with this on top of the stack (a function: running its own code; a line: executing it). */
  selfMs: number;
  /** ms with this anywhere on the stack (recursion counted once). */
  totalMs: number;
  /** A model or tool call: time spent waiting, not CPU. */
  wait?: boolean;
}

/** What a run's profile holds: the evented timeline and the tables the page shows. */
export interface ProfileData {
  name: string;
  /** ms from the profile's start to its end. */
  durationMs: number;
  frames: ProfileFrame[];
  /** Functions (and waits) opened and closed in order, balanced. */
  events: ProfileEvent[];
  functions: ProfileRow[];
  lines: ProfileRow[];
  samples: number;
  /** Set when the timeline hit {@link MAX_PROFILE_EVENTS}: later events were dropped (the tables are whole). */
  truncated?: boolean;
}

/** The timeline's size bound: past it the events stop (closed at that point); totals keep counting. */
export const MAX_PROFILE_EVENTS = 400_000;

/** Calls shown as frames of their own: the model and tool waits. */
const WAIT_KINDS: ReadonlySet<TraceKind> = new Set(["model", "tool", "embedding"]);

/** What the profiler asks of the engine it profiles. */
export interface ProfileEngine {
  /** The spell's stack right now (outermost first), or null when it cannot be read. */
  stackNow(): StackEntry[] | null;
}

interface Totals {
  row: ProfileRow;
  /** The accounting round that last counted this (recursion adds to a total once per round). */
  round: number;
}
export class Profiler {
  private readonly frameIndex = new Map<string, number>();
  readonly frames: ProfileFrame[] = [];
  private readonly events: ProfileEvent[] = [];
  /** The stack open in the timeline now (frame indexes), its spell lines, and how many waits sit on top. */
  private open: number[] = [];
  private openLines: string[] = [];
  private openWaits = 0;
  /** The frames the emitted events leave open (differs from `open` only once truncated). */
  private openStack: number[] = [];
  private readonly started: number;
  private last: number;
  /** The spell's stack as last seen (frame indexes, outermost first) and its lines. */
  private base: number[] = [];
  private baseLines: string[] = [];
  /** Open waits, in the order they started (frame indexes). */
  private waits: number[] = [];
  private readonly functionTotals = new Map<number, Totals>();
  private readonly lineTotals = new Map<string, Totals>();
  private engine: ProfileEngine | null = null;
  private sampleCount = 0;
  private round = 0;
  private truncated = false;
  private ended: ProfileData | null = null;

  constructor(
    readonly name = "spell",
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.started = this.last = clock();
  }

  /** The engine announces itself (the stack under a wait is read from it). */
  attachEngine(engine: ProfileEngine): void {
    this.engine = engine;
  }

  /** The spell's stack now (outermost first): it runs until the next sample. */
  sample(stack: StackEntry[]): void {
    if (this.ended) return;
    this.sampleCount++;
    const now = this.clock();
    this.account(now);
    this.setBase(stack);
    this.moveTo(this.desired(), now);
  }

  /** Model and tool calls become wait frames (`model mock/default`); pass this as the run's call observer. */
  callObserver(): CallObserver {
    return {
      started: (call) => {
        if (!WAIT_KINDS.has(call.kind) || this.ended) return;
        const now = this.clock();
        this.account(now);
        // The wait sits on the stack the call was made from.
        const stack = this.engine?.stackNow();
        if (stack) this.setBase(stack);
        this.waits.push(this.frameOf({ name: `${call.kind} ${call.name}` }, true));
        this.moveTo(this.desired(), now);
      },
      ended: (call) => {
        if (!WAIT_KINDS.has(call.kind) || this.ended) return;
        const now = this.clock();
        this.account(now);
        const f = this.frameOf({ name: `${call.kind} ${call.name}` }, true);
        const i = this.waits.lastIndexOf(f);
        if (i >= 0) this.waits.splice(i, 1);
        this.moveTo(this.desired(), now);
      },
    };
  }

  /** Close the timeline (the engine, when the spell ends) and hand back the profile (later calls return the same). */
  finish(): ProfileData {
    if (this.ended) return this.ended;
    const now = this.clock();
    this.account(now);
    this.moveTo([], now);
    const sort = (rows: ProfileRow[]) => rows.sort((a, b) => b.selfMs - a.selfMs || b.totalMs - a.totalMs);
    const round = (r: ProfileRow): ProfileRow => ({
      ...r,
      selfMs: Math.round(r.selfMs * 1000) / 1000,
      totalMs: Math.round(r.totalMs * 1000) / 1000,
    });
    this.ended = {
      name: this.name,
      durationMs: now - this.started,
      frames: this.frames,
      events: this.events,
      functions: sort([...this.functionTotals.values()].map((t) => round(t.row))),
      lines: sort([...this.lineTotals.values()].map((t) => round(t.row))),
      samples: this.sampleCount,
      ...(this.truncated ? { truncated: true } : {}),
    };
    return this.ended;
  }

  private frameOf(frame: ProfileFrame, wait = false): number {
    const key = `${frame.name}\u0000${frame.file ?? ""}\u0000${frame.line ?? ""}`;
    let i = this.frameIndex.get(key);
    if (i === undefined) {
      i = this.frames.length;
      this.frames.push(frame);
      this.frameIndex.set(key, i);
      this.functionTotals.set(i, {
        row: { ...frame, selfMs: 0, totalMs: 0, ...(wait ? { wait: true } : {}) },
        round: 0,
      });
    }
    return i;
  }

  private setBase(stack: StackEntry[]): void {
    this.base = stack.map((e) => this.frameOf(e.frame));
    this.baseLines = stack.map((e) => this.lineKey(e));
  }

  private lineKey(e: StackEntry): string {
    const key = `${e.frame.file ?? ""}:${e.line}`;
    if (!this.lineTotals.has(key))
      this.lineTotals.set(key, {
        row: { name: `${e.frame.file ?? "spell"}:${e.line}`, file: e.frame.file, line: e.line, selfMs: 0, totalMs: 0 },
        round: 0,
      });
    return key;
  }

  private desired(): number[] {
    return this.waits.length ? [...this.base, ...this.waits] : this.base;
  }

  /** The time since the last accounting went to the stack open now. */
  private account(now: number): void {
    const d = now - this.last;
    this.last = now;
    if (d <= 0) return;
    const round = ++this.round;
    const stack = this.open;
    if (stack.length > 0) {
      this.functionTotals.get(stack[stack.length - 1])!.row.selfMs += d;
      for (const f of stack) addOnce(this.functionTotals.get(f)!, d, round);
    }
    // Lines: the spell's own (a wait's time is the waiting line's total, its self goes to the wait).
    const lines = this.openLines;
    if (lines.length > 0) {
      if (this.openWaits === 0) this.lineTotals.get(lines[lines.length - 1])!.row.selfMs += d;
      for (const l of lines) addOnce(this.lineTotals.get(l)!, d, round);
    }
  }

  /** Emit the closes and opens that turn the open stack into `target`, at time `at` (ms since the start). */
  private moveTo(target: number[], atClock: number): void {
    const at = Math.max(0, atClock - this.started);
    let common = 0;
    const open = this.open;
    while (common < open.length && common < target.length && open[common] === target[common]) common++;
    for (let i = open.length - 1; i >= common; i--) this.emit("C", at, open[i]);
    for (let i = common; i < target.length; i++) this.emit("O", at, target[i]);
    // `base` and `baseLines` are replaced (never changed in place) by each sample, so they can be shared.
    this.open = target === this.base ? target : [...target];
    this.openLines = this.baseLines;
    this.openWaits = this.waits.length;
  }

  private emit(type: "O" | "C", at: number, frame: number): void {
    if (this.truncated) return;
    if (this.events.length >= MAX_PROFILE_EVENTS && type === "O") {
      // Stop here: close what is open so the timeline stays balanced.
      this.truncated = true;
      const depth = this.openDepth();
      for (let i = depth - 1; i >= 0; i--) this.events.push({ type: "C", at, frame: this.openStack[i] });
      return;
    }
    if (type === "O") this.openStack.push(frame);
    else this.openStack.pop();
    this.events.push({ type, at, frame });
  }

  private openDepth(): number {
    return this.openStack.length;
  }
}

function addOnce(t: Totals, ms: number, round: number): void {
  if (t.round === round) return;
  t.round = round;
  t.row.totalMs += ms;
}
