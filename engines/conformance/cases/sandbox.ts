/**
 * Cross-engine cases for the security presets (lib/core/sandbox.ts) where the engine alone enforces them: the
 * limits of `strict` hold whatever the caller asks for, and `minimal` leaves code built from strings and
 * collectgarbage out of the language with one clear error; `standard` and `strict` keep them.
 */
import { expect } from "vitest";
import type { ConformanceCase } from "@/lib/core/conformance";

const exactError = (
  kind: "timeout" | "memory" | "unsupported_feature",
  message: string,
): ConformanceCase["expect"] => ({
  error: { kind, messageIncludes: message },
  check: ({ events }) => {
    const end = events.find((e) => e.type === "error");
    expect(end && end.type === "error" ? end.error.message : undefined).toBe(message);
  },
});

export const cases: ConformanceCase[] = [
  {
    name: "sandbox: strict stops a spell past 2 s of CPU, though the caller allowed 10 s",
    lua: "while true do end",
    js: "for (;;) {}",
    sandbox: "strict",
    timeoutMs: 10_000,
    expect: {
      ...exactError("timeout", "the spell used more than its CPU time limit of 2000 ms"),
      check: ({ durationMs }) => expect(durationMs).toBeLessThan(8_000),
    },
  },
  {
    name: "sandbox: strict stops a spell past 16 MiB, though the caller allowed 64 MiB",
    // 1 MiB a step: 16 MiB is reached in a few steps, well inside the 2 s of CPU.
    lua: "local t = {} for i = 1, 1e4 do t[i] = ('x'):rep(1024 * 1024) .. i end",
    js: "const t = []; for (let i = 0; i < 1e4; i++) t.push('x'.repeat(1024 * 1024) + i);",
    sandbox: "strict",
    memoryLimitBytes: 64 * 1024 * 1024,
    expect: exactError("memory", "the spell used more than its memory limit of 16 MiB"),
  },
  {
    name: "sandbox: strict keeps a lower limit the caller asked for",
    lua: "while true do end",
    js: "for (;;) {}",
    sandbox: "strict",
    timeoutMs: 50,
    expect: exactError("timeout", "the spell used more than its CPU time limit of 50 ms"),
  },
  {
    name: "sandbox: minimal has no code built from strings (load, eval)",
    lua: 'local f = load("return 1")\nreturn f()',
    js: 'const x = eval("1");\nreturn x;',
    sandbox: "minimal",
    expect: {
      error: {
        kind: "unsupported_feature",
        line: 1,
        messageIncludes: "is not available under the minimal sandbox preset",
      },
    },
  },
  {
    name: "sandbox: minimal refuses collectgarbage and the Function constructors",
    lua: 'local n = collectgarbage("count")\nreturn n',
    js: 'const f = (async function () {}).constructor("return 1");\nreturn f;',
    sandbox: "minimal",
    expect: {
      error: {
        kind: "unsupported_feature",
        line: 1,
        messageIncludes: "is not available under the minimal sandbox preset",
      },
    },
  },
  {
    name: "sandbox: a refusal under minimal can be caught like any error",
    lua: 'local ok, e = pcall(load, "return 1")\nreturn { ok, e.kind }',
    js: 'try { eval("1"); return "ran"; } catch (e) { return [false, e.kind]; }',
    sandbox: "minimal",
    expect: { value: [false, "unsupported_feature"] },
  },
  {
    name: "sandbox: strict and standard keep load, eval and collectgarbage('count')",
    lua: 'return { load("return 6 * 7")(), type(collectgarbage("count")) == "number" }',
    js: 'return [eval("6 * 7"), typeof Function("return 1") === "function"];',
    sandbox: "strict",
    expect: { value: [42, true] },
  },
  {
    name: "sandbox: standard is what a run without a preset gets",
    lua: 'return { load("return 6 * 7")(), type(collectgarbage("count")) == "number" }',
    js: 'return [eval("6 * 7"), typeof Function("return 1") === "function"];',
    sandbox: "standard",
    expect: { value: [42, true] },
  },
];
