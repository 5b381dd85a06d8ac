/**
 * The debugger conformance suite: every case in engines/conformance/debug/cases.ts against both engines, with
 * a client that answers at once and (where a case asks) one that answers with a promise.
 */
import { describe, expect, it } from "vitest";
import { createEngine } from "@/engines/registry";
import { DebugSession, type DebugAction, type DebugInspector, type DebugPause } from "@/lib/core/debug";
import type { ExpectedPause } from "@/lib/core/conformance";
import { debugCases } from "@/engines/conformance/debug/cases";
import { createSpellApi } from "@/lib/spell";
import { createTestRuntime } from "@/lib/spell/testing";
import { createDirectLlmClient } from "@/lib/llm/direct";
import type { LlmClient } from "@/lib/llm/types";

const filter = process.env.CONFORMANCE_FILTER;

function scopeValues(ins: DebugInspector, index: number): Record<string, string> {
  const scope = ins.scopes(0)[index];
  if (!scope) return {};
  return Object.fromEntries(ins.variables(scope.ref).map((v) => [v.name, v.value]));
}

/** Check one pause against its expectation; returns the problems found. */
function checkPause(p: DebugPause, ins: DebugInspector, want: ExpectedPause | undefined): string[] {
  if (!want) return [`an unexpected pause at line ${p.line} (${p.reason})`];
  const problems: string[] = [];
  if (p.reason !== want.reason || p.line !== want.line)
    problems.push(`paused at ${p.line} (${p.reason}), wanted ${want.line} (${want.reason})`);
  if (want.frames) {
    const names = p.frames.map((f) => f.name);
    if (JSON.stringify(names) !== JSON.stringify(want.frames)) problems.push(`frames ${names.join(",")}`);
  }
  if (want.frameLines) {
    const lines = p.frames.map((f) => f.line);
    if (JSON.stringify(lines) !== JSON.stringify(want.frameLines)) problems.push(`frame lines ${lines.join(",")}`);
  }
  const has = (got: Record<string, string>, wanted: Record<string, string> | undefined, what: string) => {
    for (const [k, v] of Object.entries(wanted ?? {}))
      if (got[k] !== v) problems.push(`${what} ${k} = ${got[k]}, wanted ${v} (have ${JSON.stringify(got)})`);
  };
  has(scopeValues(ins, 0), want.locals, "local");
  has(scopeValues(ins, 1), want.closure, "closure");
  if (want.globalsOrLocals) has({ ...scopeValues(ins, 2), ...scopeValues(ins, 0) }, want.globalsOrLocals, "name");
  if (want.hostCall) {
    const h = p.hostCall;
    const shown = h ? `${h.name} (${h.phase}) ${JSON.stringify(h.value)}` : "none";
    if (!h || h.name !== want.hostCall.name || h.phase !== want.hostCall.phase)
      problems.push(`host call ${shown}, wanted ${want.hostCall.name} (${want.hostCall.phase})`);
    else if (want.hostCall.includes && !JSON.stringify(h.value).includes(want.hostCall.includes))
      problems.push(`host call ${shown} does not include ${want.hostCall.includes}`);
  } else if (p.hostCall) problems.push(`an unexpected host call ${p.hostCall.name} (${p.hostCall.phase})`);
  for (const [expr, value] of Object.entries(want.evaluate ?? {})) {
    const r = ins.evaluate(expr);
    if (!r.ok || r.value.value !== value) problems.push(`evaluate ${expr}: ${JSON.stringify(r)}`);
  }
  return problems;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Block the thread (a synchronous client holding a pause). */
function blockFor(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

for (const engineName of ["lua", "javascript"]) {
  describe(`debugger conformance: ${engineName}`, () => {
    for (const c of debugCases) {
      if (filter && !c.name.includes(filter)) continue;
      for (const client of c.clients ?? ["sync"]) {
        it(`${c.name} (${client} client)`, async () => {
          const engine = await createEngine(engineName);
          const pending = [...c.pauses];
          const problems: string[] = [];
          const answer = (p: DebugPause, ins: DebugInspector): DebugAction => {
            const want = pending.shift();
            problems.push(...checkPause(p, ins, want));
            return want?.then ?? "continue";
          };
          const session = new DebugSession(
            client === "sync"
              ? {
                  synchronous: true,
                  paused: (p, ins) => {
                    const hold = pending[0]?.holdMs;
                    const a = answer(p, ins);
                    if (hold) blockFor(hold);
                    return a;
                  },
                }
              : {
                  paused: async (p, ins) => {
                    const hold = pending[0]?.holdMs;
                    const a = answer(p, ins);
                    await sleep(hold ?? 1);
                    return a;
                  },
                },
            (engineName === "javascript" ? c.jsBreakpoints : undefined) ?? c.breakpoints,
          );
          const api = c.api
            ? createSpellApi({
                ...createTestRuntime({ dialect: engine.dialect }),
                calls: session.callObserver(),
              })
            : undefined;
          const result = await engine.execute(engineName === "lua" ? c.lua : c.js, {
            api,
            debug: session,
            timeoutMs: c.timeoutMs,
            wallTimeoutMs: c.wallTimeoutMs,
          });
          engine.dispose();
          expect(problems).toEqual([]);
          expect(
            pending.map((p) => `${p.line} (${p.reason})`),
            "pauses that never came",
          ).toEqual([]);
          if (c.expect.error) {
            expect(result.ok ? "ok" : result.error.kind).toBe(c.expect.error);
          } else {
            expect(result.ok ? result.value : result.error).toEqual(c.expect.value);
          }
          if (c.expect.logs) expect(result.logs.map((l) => l.text)).toEqual(c.expect.logs);
        });
      }
    }
  });
}

describe("a breakpoint set while the spell runs", () => {
  it("Lua: set during a model call, with none before, it pauses at the next line", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const inner = createDirectLlmClient({ mockAll: true, env: {} });
    let session: DebugSession | undefined;
    const llm: LlmClient = {
      ...inner,
      async *stream(request, signal) {
        // The spell waits in the call; meanwhile the user sets a breakpoint (the session had none).
        session!.setBreakpoints([{ line: 3 }]);
        await gate;
        yield* inner.stream(request, signal);
      },
    };
    const pauses: number[] = [];
    session = new DebugSession({
      paused(pause) {
        pauses.push(pause.line);
        return "continue";
      },
    });
    const engine = await createEngine("lua");
    const api = createSpellApi(createTestRuntime({ engine: "lua", llm }));
    setTimeout(release, 10);
    const source =
      'local a = Agent.builder():model("mock/echo"):build()\nlocal r = a:execute({ text = "hi" })\nlocal n = 2\nreturn n';
    const result = await engine.execute(source, { api, debug: session });
    engine.dispose();
    expect(result).toMatchObject({ ok: true, value: 2 });
    expect(pauses).toEqual([3]);
  });
});
