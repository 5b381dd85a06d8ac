import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "./limits";
import { resolveRunLimits } from "./run-guard";
import { SANDBOX_PRESETS, parseSandboxPreset, sandboxRules, tighterSandbox } from "./sandbox";

describe("sandbox presets", () => {
  it("standard is today's limits and library exactly", () => {
    expect(sandboxRules(undefined)).toBe(sandboxRules("standard"));
    expect(sandboxRules("standard")).toMatchObject({
      limits: DEFAULT_LIMITS,
      models: "any",
      tools: "all",
      codeFromStrings: true,
      collectGarbage: true,
    });
  });

  it("strict lowers CPU to 2 s and memory to 16 MiB and allows only the mock model", () => {
    const strict = sandboxRules("strict");
    expect(strict.limits).toEqual({ ...DEFAULT_LIMITS, timeoutMs: 2000, memoryLimitBytes: 16 * 1024 * 1024 });
    expect(strict).toMatchObject({ models: "mock", tools: "all", codeFromStrings: true, collectGarbage: true });
  });

  it("minimal is strict with the smallest library", () => {
    const minimal = sandboxRules("minimal");
    expect(minimal.limits).toEqual(sandboxRules("strict").limits);
    expect(minimal).toMatchObject({ models: "mock", tools: "pure", codeFromStrings: false, collectGarbage: false });
  });

  it("orders presets from the loosest: no later preset allows what an earlier one refuses", () => {
    for (let i = 1; i < SANDBOX_PRESETS.length; i++) {
      const looser = sandboxRules(SANDBOX_PRESETS[i - 1]);
      const tighter = sandboxRules(SANDBOX_PRESETS[i]);
      for (const k of Object.keys(looser.limits) as (keyof typeof looser.limits)[])
        expect(tighter.limits[k]).toBeLessThanOrEqual(looser.limits[k]);
      if (looser.models === "mock") expect(tighter.models).toBe("mock");
      if (looser.tools === "pure") expect(tighter.tools).toBe("pure");
      if (!looser.codeFromStrings) expect(tighter.codeFromStrings).toBe(false);
    }
  });

  it("parses user input and names a bad value", () => {
    expect(parseSandboxPreset("strict")).toEqual({ ok: true, preset: "strict" });
    expect(parseSandboxPreset(" Minimal ")).toEqual({ ok: true, preset: "minimal" });
    expect(parseSandboxPreset("loose")).toEqual({
      ok: false,
      message: "'loose' is not a sandbox preset (use standard, strict, minimal)",
    });
  });

  it("never lets a request loosen the floor", () => {
    expect(tighterSandbox("strict", "standard")).toBe("strict");
    expect(tighterSandbox("strict", "minimal")).toBe("minimal");
    expect(tighterSandbox("standard", "strict")).toBe("strict");
    expect(tighterSandbox("minimal", undefined)).toBe("minimal");
  });

  it("holds an engine's limits to the preset's ceilings whatever the caller asks", () => {
    expect(resolveRunLimits({ sandbox: "strict", timeoutMs: 60_000, memoryLimitBytes: 1 << 30 })).toMatchObject({
      timeoutMs: 2000,
      memoryLimitBytes: 16 * 1024 * 1024,
      wallTimeoutMs: DEFAULT_LIMITS.wallTimeoutMs,
    });
    expect(resolveRunLimits({ sandbox: "minimal", timeoutMs: 30 })).toMatchObject({ timeoutMs: 30 });
    // standard: an engine driven directly keeps the limits it was given, as before presets.
    expect(resolveRunLimits({ timeoutMs: 60_000 })).toMatchObject({ timeoutMs: 60_000 });
  });
});
