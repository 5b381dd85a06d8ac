/**
 * Setting up a fresh QuickJS context for one run: the native entry points, the bridge prelude (its internals
 * kept as handles), then the spell API from a manifest (global functions, classes, values and `ARGS`) and the
 * API's own JavaScript prelude.
 */
import { findTooDeepNesting } from "./nesting";
import type { QuickJSContext, QuickJSHandle } from "quickjs-emscripten-core";
import { SpellError } from "../../lib/core/errors";
import { type ApiSurface, type ExecuteOptions } from "../../lib/core/engine";
import { type JsonValue } from "../../lib/core/json";
import { SANDBOX_MESSAGES, sandboxRules } from "../../lib/core/sandbox";
import { setupFailure, type Failure, type ThrownFacts } from "./errors";
import type { Callable, JsHostCalls } from "./host-calls";
import type { StopReason, VmGuard } from "./interrupts";
import { INTERNAL_NAMES, PRELUDE_FILENAME, PRELUDE_SOURCE, type Internals } from "./prelude";

/** The manifest the prelude's `install` builds the API globals from. */
interface Manifest {
  /** Function name → index into the host's callable table. */
  globals: Record<string, { functions: Record<string, number>; values?: Record<string, JsonValue> }>;
  classes: Record<string, { methods: Record<string, number>; iterator?: number }>;
  values?: Record<string, JsonValue>;
}

/** What the setup reads from and records on its run. */
export interface InjectContext {
  readonly ctx: QuickJSContext | null;
  readonly opts: Pick<ExecuteOptions, "api" | "args" | "sandbox">;
  readonly chunkName: string;
  readonly guard: Pick<VmGuard, "inVm" | "currentStop">;
  readonly host: Pick<JsHostCalls, "hostLog" | "hostCall" | "callables">;
  internals: Internals | null;
  describe(errorHandle: QuickJSHandle): ThrownFacts;
  stopOutcome(reason: StopReason): Failure;
}

function buildManifest(
  api: ApiSurface | undefined,
  args: JsonValue | undefined,
): { manifest: Manifest; callables: Callable[] } {
  const manifest: Manifest = { globals: {}, classes: {} };
  const callables: Callable[] = [];
  if (api) {
    for (const [name, g] of Object.entries(api.globals)) {
      const functions: Record<string, number> = {};
      for (const [fnName, fn] of Object.entries(g.functions)) {
        functions[fnName] = callables.push({ label: `${name}.${fnName}`, fn }) - 1;
      }
      manifest.globals[name] = { functions, ...(g.values ? { values: g.values } : {}) };
    }
    for (const [className, c] of Object.entries(api.classes)) {
      const methods: Record<string, number> = {};
      for (const [m, fn] of Object.entries(c.methods)) {
        methods[m] = callables.push({ label: `${className}.${m}`, className, fn }) - 1;
      }
      const iterator = c.asyncIteratorNext !== undefined ? methods[c.asyncIteratorNext] : undefined;
      if (c.asyncIteratorNext !== undefined && iterator === undefined) {
        throw new SpellError(
          "api",
          `class ${className}: asyncIteratorNext names a missing method ${c.asyncIteratorNext}`,
        );
      }
      manifest.classes[className] = { methods, ...(iterator !== undefined ? { iterator } : {}) };
    }
  }
  const values: Record<string, JsonValue> = { ...(api?.values ?? {}) };
  if (args !== undefined) values.ARGS = args;
  if (Object.keys(values).length > 0) manifest.values = values;
  return { manifest, callables };
}

/** Set up the run's context; a failure (of the prelude, the API install, the API prelude) is returned. */
export function setUpContext(run: InjectContext): Failure | null {
  const ctx = run.ctx!;
  return run.guard.inVm(() => {
    const host = ctx.newObject();
    const fns: [string, QuickJSHandle][] = [
      ["log", ctx.newFunction("log", (level, text) => run.host.hostLog(level, text))],
      ["call", ctx.newFunction("call", (id, args) => run.host.hostCall(id, null, args))],
      ["method", ctx.newFunction("method", (id, handle, args) => run.host.hostCall(id, handle, args))],
      // 1 when a source nests brackets past MAX_NESTING (the prelude guards eval and Function with it).
      ["nesting", ctx.newFunction("nesting", (text) => ctx.newNumber(findTooDeepNesting(ctx.getString(text)) ? 1 : 0))],
    ];
    for (const [name, fn] of fns) {
      ctx.setProp(host, name, fn);
      fn.dispose();
    }
    const evaluated = ctx.evalCode(PRELUDE_SOURCE, PRELUDE_FILENAME, { type: "global", strict: true });
    if (evaluated.error) {
      host.dispose();
      return failure(run, evaluated.error, "the engine prelude failed");
    }
    const chunk = ctx.newString(run.chunkName);
    const rules = sandboxRules(run.opts.sandbox);
    const refuseCode = rules.codeFromStrings
      ? ctx.undefined
      : ctx.newString(SANDBOX_MESSAGES.feature(rules.preset, "code built from strings (eval, Function)"));
    const made = ctx.callFunction(evaluated.value, ctx.undefined, host, chunk, refuseCode);
    evaluated.value.dispose();
    chunk.dispose();
    refuseCode.dispose();
    host.dispose();
    if (made.error) return failure(run, made.error, "the engine prelude failed");
    const internals = {} as Internals;
    for (const name of INTERNAL_NAMES) internals[name] = ctx.getProp(made.value, name);
    made.value.dispose();
    run.internals = internals;

    const { manifest, callables } = buildManifest(run.opts.api, run.opts.args);
    run.host.callables = callables;
    const text = ctx.newString(JSON.stringify(manifest));
    const installed = ctx.callFunction(internals.install, ctx.undefined, text);
    text.dispose();
    if (installed.error) return failure(run, installed.error, "the spell API could not be installed");
    installed.value.dispose();

    const apiPrelude = run.opts.api?.preludes?.javascript;
    if (apiPrelude) {
      const ran = ctx.evalCode(apiPrelude, "<api-prelude>", { type: "global" });
      if (ran.error) return failure(run, ran.error, "the spell API prelude failed");
      ran.value.dispose();
    }
    return null;
  });
}

/** A setup step threw: its error, or the stop that made it throw. */
function failure(run: InjectContext, errorHandle: QuickJSHandle, what: string): Failure {
  const facts = run.describe(errorHandle);
  errorHandle.dispose();
  const stop = run.guard.currentStop();
  if (stop) return run.stopOutcome(stop);
  return setupFailure(facts, what);
}
