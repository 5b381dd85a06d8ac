/**
 * The JavaScript side of a profile run: QuickJS calls the runtime's interrupt handler every 10,000 function
 * calls and loop turns or so; in a profile run the handler also reads the spell's stack (`new Error().stack`,
 * from a function defined here) and hands it to the profiler. The spell runs unchanged, so profiling costs
 * only the samples.
 *
 * Why not a rewrite that counts down at function entries and loop turns (and samples every 0.1 ms): the
 * countdown alone made a tight loop 2.4× slower (a typed-array decrement per turn is as much work as the
 * loop's body), and a host call per function entry costs more than the function. The interrupt is QuickJS's
 * own countdown, free; its samples come about every millisecond in a busy loop (fewer where each turn is
 * heavy), enough to attribute a run of a few hundred milliseconds.
 */
import type { QuickJSContext, QuickJSHandle } from "quickjs-emscripten-core";
import type { Profiler, ProfileEngine, StackEntry } from "../../lib/core/profile";

const STACK_FN = `(function stack() { return new Error().stack; })`;
const FRAME = /^\s*at (?:(.*?) \()?(.*?):(\d+)(?::\d+)?\)?\s*$/;

export interface JsProfileContext {
  readonly ctx: QuickJSContext | null;
  readonly chunkName: string;
  readonly mapping: { lineOffset: number };
  readonly ended: boolean;
}

export class JsProfiler implements ProfileEngine {
  private stackFn: QuickJSHandle | null = null;
  private sampling = false;
  private readonly lineCount: number;

  constructor(
    private readonly run: JsProfileContext,
    private readonly profiler: Profiler,
    source: string,
  ) {
    this.lineCount = source.split("\n").length;
  }

  /** Define the stack reader in the VM. */
  install(): void {
    const ctx = this.run.ctx!;
    const made = ctx.evalCode(STACK_FN, "<llmspell-profile>", { type: "global", strict: true });
    if (made.error) {
      made.error.dispose();
      throw new Error("the profile prelude failed");
    }
    this.stackFn = made.value;
    this.profiler.attachEngine(this);
  }

  /** The runtime's interrupt: sample the stack (never from inside a sample). */
  onInterrupt(): void {
    if (this.sampling || !this.stackFn) return;
    const stack = this.stackNow();
    this.profiler.sample(stack ?? []);
  }

  stackNow(): StackEntry[] | null {
    const ctx = this.run.ctx;
    const fn = this.stackFn;
    if (!ctx || !fn || this.run.ended || this.sampling) return null;
    this.sampling = true;
    let text = "";
    try {
      const r = ctx.callFunction(fn, ctx.undefined);
      if (r.error) r.error.dispose();
      else text = r.value.consume((v) => ctx.getString(v));
    } finally {
      this.sampling = false;
    }
    const stack = this.parse(text);
    return stack.length > 0 ? stack : null;
  }

  /** The spell's frames of a VM stack, outermost first. */
  private parse(stack: string): StackEntry[] {
    const out: StackEntry[] = [];
    const file = this.run.chunkName;
    for (const text of stack.split("\n")) {
      const m = FRAME.exec(text);
      if (!m || m[2] !== file) continue;
      const line = Number(m[3]) - this.run.mapping.lineOffset;
      if (line < 1 || line > this.lineCount) continue;
      const raw = m[1] ?? "";
      const name = raw === "" || raw === "<anonymous>" || raw === "<eval>" ? "(anonymous)" : raw;
      out.push({ frame: { name, file }, line });
    }
    if (out.length > 0) out[out.length - 1].frame = { name: "main chunk", file };
    return out.reverse();
  }

  dispose(): void {
    if (this.stackFn?.alive) this.stackFn.dispose();
    this.stackFn = null;
  }
}
