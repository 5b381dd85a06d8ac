/**
 * Runs one example source through a real engine with the spell API on the mock provider (no key, no network),
 * the way `examples.test.ts` and the docs checks do.
 */
import type { SpellLanguage } from "@/lib/core/dialect";
import type { ExecutionResult, LogEntry } from "@/lib/core/events";
import type { JsonValue } from "@/lib/core/json";
import { createEngine } from "@/engines/registry";
import { createSpellApi } from "@/lib/spell";
import { parseSpellParams, resolveSpellArgs } from "@/lib/spell/params/spell-params";
import { createTestRuntime } from "@/lib/spell/testing";

export interface ExampleRun {
  result: ExecutionResult;
  /** Every printed line, in order (a multi-line print counts as several lines). */
  lines: string[];
  /** Each model reply streamed into the output (the page's console shows these as they arrive), whole. */
  streamed: string[];
}

function linesOf(logs: LogEntry[]): string[] {
  return logs.flatMap((l) => l.text.split("\n"));
}

export async function runExample(
  engineName: SpellLanguage,
  source: string,
  options: { model?: string; args?: JsonValue } = {},
): Promise<ExampleRun> {
  const engine = await createEngine(engineName);
  // Declared parameters get their defaults, as the page and the CLI give them.
  const { params } = parseSpellParams(source, engineName);
  if (params.length > 0) {
    const resolved = resolveSpellArgs(params, (options.args ?? {}) as { [key: string]: JsonValue });
    if (resolved.ok) options = { ...options, args: resolved.args };
  }
  const streams = new Map<string, string>();
  try {
    const runtime = createTestRuntime({
      emit: (event) => {
        if (event.type !== "stream") return;
        const id = event.traceId ?? "";
        streams.set(id, (streams.get(id) ?? "") + event.text);
      },
      engine: engineName,
      defaultModel: options.model ?? "mock/default",
      ...(options.args !== undefined ? { args: options.args } : {}),
    });
    const result = await engine.execute(source, {
      api: createSpellApi(runtime),
      ...(options.args !== undefined ? { args: options.args } : {}),
      timeoutMs: 10_000,
      wallTimeoutMs: 20_000,
      chunkName: "spell",
    });
    return { result, lines: linesOf(result.logs), streamed: [...streams.values()] };
  } finally {
    engine.dispose();
  }
}
