import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";
import { createJavascriptEngine } from "./engine";
import { loadQuickJs } from "./quickjs-module";

describe("loading the QuickJS module", () => {
  it("loads once and hands out the same module", async () => {
    const [a, b] = await Promise.all([loadQuickJs(), loadQuickJs()]);
    expect(a).toBe(b);
    expect(await loadQuickJs()).toBe(a);
  });

  it("takes the wasm from config.wasmUrl when given", async () => {
    const path = fileURLToPath(import.meta.resolve("@jitl/quickjs-wasmfile-release-sync/wasm"));
    const engine = await createJavascriptEngine({ wasmUrl: path });
    expect(await engine.execute("return 6 * 7")).toMatchObject({ ok: true, value: 42 });
  });

  it("fails with a configuration error naming a wasm URL that does not load, then recovers", async () => {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await expect(createJavascriptEngine({ wasmUrl: "/nonexistent/quickjs.wasm" })).rejects.toMatchObject({
        kind: "configuration",
        message: expect.stringContaining("/nonexistent/quickjs.wasm"),
      });
    } finally {
      quiet.mockRestore();
    }
    const engine = await createJavascriptEngine();
    expect(await engine.execute("return 'ok'")).toMatchObject({ ok: true, value: "ok" });
  });
});
