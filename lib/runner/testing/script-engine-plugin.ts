/**
 * A tiny engine for host tests, registered inside a Node worker through the controller's `plugins` option.
 * Its "language" is one command per line, so a test can make a worker do exactly what a real engine might:
 * stream events, spin in an interruptible loop, block in an uninterruptible "C call", crash, or run out of heap.
 *
 *   log TEXT | logs N | stream TEXT | trace NAME | return JSON | error KIND MESSAGE | args
 *   spin            busy loop that checks signal.aborted and the CPU deadline, like an engine's interrupt hook
 *   block MS        busy loop that checks nothing (a long C call); `block forever` never ends
 *   sleep MS        waits on a timer (time spent waiting, not CPU); an abort ends the wait
 *   crash | exit | oom
 */
import { JAVASCRIPT_DIALECT } from "@/lib/core/dialect";
import { SpellError, isSpellErrorKind } from "@/lib/core/errors";
import { type ExecuteOptions, type ScriptEngine } from "@/lib/core/engine";
import { type ExecutionResult } from "@/lib/core/events";
import { type JsonValue } from "@/lib/core/json";
import { registerEngine } from "@/engines/registry";
import { createRunOutput, finishRun, streamExecution } from "@/lib/core/run-output";

/** A plugin engine declares the dialect it speaks: this one answers type errors like JavaScript. */
const DIALECT = { ...JAVASCRIPT_DIALECT, extensions: ["hosttest"] };
const FEATURES = { streaming: true, async: true, modules: false, memoryLimit: false, interrupt: true };

async function execute(source: string, opts: ExecuteOptions = {}): Promise<ExecutionResult> {
  const output = createRunOutput(opts);
  const started = performance.now();
  const deadline = started + (opts.timeoutMs ?? 10_000);
  const finish = (outcome: { ok: true; value: JsonValue } | { ok: false; error: SpellError }) =>
    finishRun(
      output,
      outcome.ok ? outcome : { ok: false, error: outcome.error.toJSON() },
      { engine: "hosttest" },
      opts.onEvent,
    );
  try {
    let value: JsonValue = null;
    for (const [index, line] of source.split("\n").entries()) {
      const [cmd, ...rest] = line.trim().split(" ");
      const arg = rest.join(" ");
      const lineNo = index + 1;
      switch (cmd) {
        case "":
          break;
        case "log":
          output.log("log", arg);
          break;
        case "logs":
          for (let i = 0; i < Number(arg); i++) output.log("log", `line ${i}`);
          break;
        case "stream":
          output.emit({ type: "stream", text: arg, t: output.now() });
          break;
        case "trace":
          output.emit({ type: "trace", phase: "start", id: arg, kind: "step", name: arg, t: output.now() });
          output.emit({ type: "trace", phase: "end", id: arg, t: output.now(), durationMs: 0 });
          break;
        case "return":
          value = JSON.parse(arg) as JsonValue;
          break;
        case "args":
          value = opts.args ?? null;
          break;
        case "error":
          throw new SpellError(isSpellErrorKind(rest[0]) ? rest[0] : "runtime", rest.slice(1).join(" "), {
            line: lineNo,
          });
        case "spin":
          for (;;) {
            if (opts.signal?.aborted) throw new SpellError("cancelled", "the run was cancelled", { line: lineNo });
            if (performance.now() > deadline) throw new SpellError("timeout", "CPU limit reached", { line: lineNo });
          }
        case "block": {
          const until = arg === "forever" ? Infinity : performance.now() + Number(arg);
          while (performance.now() < until) {
            // deliberately checks nothing
          }
          break;
        }
        case "sleep":
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, Number(arg));
            opts.signal?.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
          });
          if (opts.signal?.aborted) throw new SpellError("cancelled", "the run was cancelled", { line: lineNo });
          break;
        case "crash":
          setTimeout(() => {
            throw new Error("the test engine crashed on purpose");
          });
          await new Promise(() => {});
          break;
        case "exit":
          process.exit(3);
          break;
        case "oom": {
          const hog: string[][] = [];
          for (;;) hog.push(new Array(1e6).fill(`x${hog.length}`));
        }
        default:
          throw new SpellError("syntax", `unknown command "${cmd}"`, { line: lineNo });
      }
    }
    return finish({ ok: true, value });
  } catch (err) {
    return finish({ ok: false, error: err instanceof SpellError ? err : new SpellError("runtime", String(err)) });
  }
}

registerEngine({
  name: "hosttest",
  dialect: DIALECT,
  features: FEATURES,
  async create(): Promise<ScriptEngine> {
    return {
      name: "hosttest",
      dialect: DIALECT,
      features: FEATURES,
      execute,
      executeStreaming: (source, opts) => streamExecution(execute, source, opts),
      dispose() {},
    };
  },
});
