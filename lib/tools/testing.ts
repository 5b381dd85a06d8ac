/** Helpers for the tools' unit tests. */
import { expect } from "vitest";
import { SpellError } from "@/lib/core/errors";
import type { JsonObject, ToolDefinition } from "./types";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyResult = Record<string, any>;

export function run(tool: ToolDefinition, params: unknown, signal = new AbortController().signal): Promise<AnyResult> {
  return tool.execute(params as JsonObject, { signal }) as Promise<AnyResult>;
}

/** The call raises a `tool` SpellError whose message matches `pattern`. */
export async function expectToolError(p: Promise<unknown>, pattern: RegExp): Promise<SpellError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, "expected the call to raise").toBeInstanceOf(SpellError);
  const e = err as SpellError;
  expect(e.kind).toBe("tool");
  expect(e.message).toMatch(/^Tool execution failed: /);
  expect(e.message).toMatch(pattern);
  return e;
}
