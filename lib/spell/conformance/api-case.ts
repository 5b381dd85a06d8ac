/**
 * Building blocks for the spell API's cross-engine conformance cases (engines/conformance/cases/api-*.ts):
 * each case runs its Lua and JavaScript source against `createSpellApi(createTestRuntime(...))`.
 */
import type { ConformanceCase } from "@/lib/core/conformance";
import { createSpellApi } from "../index";
import { createTestRuntime, type TestRuntimeOptions } from "../testing";

export type ApiCaseOptions = Omit<ConformanceCase, "name" | "lua" | "js" | "expect" | "makeApi"> & {
  /** Extra runtime options (limits, an LLM client...); a function gets a fresh value per run. */
  runtime?:
    | Omit<TestRuntimeOptions, "engine" | "dialect" | "emit" | "signal">
    | (() => Omit<TestRuntimeOptions, "engine" | "dialect" | "emit" | "signal">);
};

export function apiCase(
  name: string,
  lua: string,
  js: string,
  expect: ConformanceCase["expect"],
  opts: ApiCaseOptions = {},
): ConformanceCase {
  const { runtime, ...rest } = opts;
  return {
    name,
    lua,
    js,
    expect,
    ...rest,
    makeApi: ({ dialect, emit, signal }) =>
      createSpellApi(
        createTestRuntime({
          ...(typeof runtime === "function" ? runtime() : runtime),
          ...(rest.args !== undefined ? { args: rest.args } : {}),
          ...(rest.sandbox !== undefined ? { sandbox: rest.sandbox } : {}),
          dialect,
          emit,
          signal,
        }),
      ),
  };
}
