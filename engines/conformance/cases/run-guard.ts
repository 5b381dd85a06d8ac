/**
 * Cross-engine cases for the run guard (lib/core/run-guard.ts): every stop message is worded the same in
 * both languages, a non-positive limit means the default, a host error carries the spell's line, and the
 * output cap counts UTF-8 bytes.
 */
import { expect } from "vitest";
import type { ApiSurface } from "@/lib/core/engine";
import { SpellError } from "@/lib/core/errors";
import type { ConformanceCase } from "@/lib/core/conformance";
import { OUTPUT_ENTRY_OVERHEAD_BYTES } from "@/lib/core/run-output";

/** `Host.wait(ms)` waits on a host promise; `Host.fail(msg)` throws a host error synchronously. */
function hostApi(): ApiSurface {
  return {
    globals: {
      Host: {
        functions: {
          wait: (args) => new Promise((resolve) => setTimeout(() => resolve("waited"), Number(args[0] ?? 0))),
          fail: (args) => {
            throw new SpellError("api", String(args[0] ?? "failed"));
          },
          failLater: (args) =>
            new Promise((_, reject) =>
              setTimeout(() => reject(new SpellError("tool", String(args[0] ?? "failed"))), 1),
            ),
        },
      },
    },
    classes: {},
  };
}

const exactError = (kind: string, message: string): ConformanceCase["expect"] => ({
  error: { kind: kind as never, messageIncludes: message },
  check: ({ events }) => {
    const end = events.find((e) => e.type === "error");
    expect(end && end.type === "error" ? end.error.message : undefined).toBe(message);
  },
});

export const cases: ConformanceCase[] = [
  {
    name: "run guard: the CPU limit stops a busy loop with one message",
    lua: "while true do end",
    js: "for (;;) {}",
    timeoutMs: 60,
    expect: exactError("timeout", "the spell used more than its CPU time limit of 60 ms"),
  },
  {
    name: "run guard: the memory limit stops a growing table with one message",
    lua: "local t = {} for i = 1, 1e8 do t[i] = ('x'):rep(64) .. i end",
    js: "const t = []; for (let i = 0; i < 1e8; i++) t.push('x'.repeat(64) + i);",
    memoryLimitBytes: 4 * 1024 * 1024,
    expect: exactError("memory", "the spell used more than its memory limit of 4 MiB"),
  },
  {
    name: "run guard: the wall-clock limit stops a run that waits, with one message",
    lua: "Host.wait(5000) return 'never'",
    js: "await Host.wait(5000); return 'never';",
    wallTimeoutMs: 150,
    makeApi: () => hostApi(),
    expect: exactError("timeout", "the run took longer than its wall-clock limit of 150 ms"),
  },
  {
    name: "run guard: the output cap drops the rest with one note, counting UTF-8 bytes and each entry",
    lua: "for i = 1, 100 do print('é') end return 'done'",
    js: "for (let i = 0; i < 100; i++) print('é'); return 'done';",
    // Ten entries of "é": 2 bytes of text each, plus what an entry costs.
    maxOutputBytes: 10 * (2 + OUTPUT_ENTRY_OVERHEAD_BYTES),
    expect: {
      value: "done",
      logs: [
        ...Array<string>(10).fill("é"),
        `[output truncated: the run printed more than ${10 * (2 + OUTPUT_ENTRY_OVERHEAD_BYTES)} bytes; the rest was dropped]`,
      ],
    },
  },
  {
    name: "run guard: empty lines are not free: a flood of them is cut at the cap",
    lua: 'for i = 1, 1e5 do print() end\nio.write(string.rep("\\n", 1e6))\nreturn "done"',
    js: 'for (let i = 0; i < 1e5; i++) print();\nconsole.log("\\n".repeat(1e6));\nreturn "done";',
    maxOutputBytes: 1000 * OUTPUT_ENTRY_OVERHEAD_BYTES,
    expect: {
      value: "done",
      logs: [
        ...Array<string>(1000).fill(""),
        `[output truncated: the run printed more than ${1000 * OUTPUT_ENTRY_OVERHEAD_BYTES} bytes; the rest was dropped]`,
      ],
    },
  },
  {
    name: "run guard: timeoutMs 0 means the default limit, not an instant timeout",
    lua: "local n = 0 for i = 1, 1000 do n = n + i end return n",
    js: "let n = 0; for (let i = 1; i <= 1000; i++) n += i; return n;",
    timeoutMs: 0,
    expect: { value: 500500 },
  },
  {
    name: "run guard: a host error carries the line of the call that raised it",
    lua: "local a = 1\nlocal b = 2\nHost.fail('no such thing')\nreturn a + b",
    js: "const a = 1;\nconst b = 2;\nHost.fail('no such thing');\nreturn a + b;",
    makeApi: () => hostApi(),
    expect: { error: { kind: "api", line: 3, messageIncludes: "no such thing" } },
  },
  {
    name: "run guard: a host error after a wait carries the line of the call that waited",
    lua: "local a = 1\n\nHost.failLater('gone')\nreturn a",
    js: "const a = 1;\n\nawait Host.failLater('gone');\nreturn a;",
    makeApi: () => hostApi(),
    expect: { error: { kind: "tool", line: 3, messageIncludes: "gone" } },
  },
  {
    name: "run guard: source nested thousands of brackets deep is a catchable syntax error, and the engine lives",
    lua: `local ok, err = load("return ${"(".repeat(3000)}1${")".repeat(3000)}")\nreturn { ok == nil, type(err) }`,
    js: `let caught = "none";\ntry { eval("${"(".repeat(3000)}1${")".repeat(3000)}"); } catch (e) { caught = "string"; }\nreturn [true, caught];`,
    expect: { value: [true, "string"] },
  },
];
