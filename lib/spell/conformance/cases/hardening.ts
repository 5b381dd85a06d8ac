/**
 * Issue 21's classes, as probes in both languages: what a spell makes of the host stays bounded (error
 * messages, nested calls, trace size) and the run ends with a clear error instead of taking the host down.
 */
import { expect } from "vitest";
import type { ConformanceCase } from "@/lib/core/conformance";
import { FIXED_BOUNDS } from "@/lib/core/limits";
import { apiCase } from "../api-case";

const MAX_MESSAGE = FIXED_BOUNDS.maxErrorMessageChars + 60;

export const cases: ConformanceCase[] = [
  {
    name: "hardening: an error object that says what it is keeps its text",
    lua: 'error(setmetatable({}, { __tostring = function() return "custom" end }))',
    js: 'throw { toString() { return "custom"; } };',
    expect: { error: { kind: "runtime", messageIncludes: "custom" } },
  },
  {
    name: "hardening: an error object's message wins over its text",
    lua: 'error(setmetatable({ message = "said" }, { __tostring = function() return "custom" end }))',
    js: 'throw { message: "said", toString() { return "custom"; } };',
    expect: { error: { kind: "runtime", messageIncludes: "said" } },
  },
  {
    name: "hardening: an 8 MiB error message comes back bounded, saying how much was cut",
    lua: 'error(string.rep("x", 8 * 1024 * 1024))',
    js: 'throw new Error("x".repeat(8 * 1024 * 1024));',
    expect: {
      error: { kind: "runtime", messageIncludes: "more characters cut]" },
      check: ({ events }) => {
        const end = events.at(-1);
        expect(end?.type).toBe("error");
        if (end?.type === "error") expect(end.error.message.length).toBeLessThan(MAX_MESSAGE);
      },
    },
  },
  apiCase(
    "hardening: a tool that calls itself stops at the nesting limit with one bounded api error",
    'Tool.register({ name = "again", execute = function(p) return Tool.execute("again", p) end })\nreturn Tool.execute("again", {})',
    'Tool.register({ name: "again", execute: async (p) => await Tool.execute("again", p) });\nreturn await Tool.execute("again", {});',
    {
      error: { kind: "tool", messageIncludes: `the limit is ${FIXED_BOUNDS.maxCallDepth}` },
      check: ({ events }) => {
        const end = events.at(-1);
        if (end?.type === "error") expect(end.error.message.length).toBeLessThan(MAX_MESSAGE);
        const starts = events.filter((e) => e.type === "trace" && e.phase === "start");
        expect(starts.length).toBeLessThanOrEqual(FIXED_BOUNDS.maxCallDepth);
      },
    },
  ),
  apiCase(
    "hardening: the nesting error can be caught, and the next call works",
    'Tool.register({ name = "again", execute = function(p) return Tool.execute("again", p) end })\nlocal ok, e = pcall(Tool.execute, "again", {})\nreturn { ok, Tool.execute("calculator", { input = "1+1" }).result.result }',
    'Tool.register({ name: "again", execute: async (p) => await Tool.execute("again", p) });\nlet ok = true;\ntry { await Tool.execute("again", {}); } catch { ok = false; }\nreturn [ok, (await Tool.execute("calculator", { input: "1+1" })).result.result];',
    { value: [false, 2] },
  ),
];
