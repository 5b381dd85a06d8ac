import { afterEach, describe, expect, it } from "vitest";
import { createLazyModule, observeModuleLoads } from "./lazy";

afterEach(() => observeModuleLoads(undefined));

describe("createLazyModule", () => {
  it("imports once, tells the observer once, and reads synchronously after", async () => {
    const seen: string[] = [];
    observeModuleLoads((name) => seen.push(name));
    let imports = 0;
    const mod = createLazyModule("thing", async () => ({ n: ++imports }));
    expect(() => mod.get()).toThrow("thing is not loaded yet");
    await Promise.all([mod.load(), mod.load()]);
    await mod.load();
    expect(mod.get()).toEqual({ n: 1 });
    expect(seen).toEqual(["thing"]);
  });

  it("retries a failed import", async () => {
    let attempts = 0;
    const mod = createLazyModule("flaky", async () => {
      if (++attempts === 1) throw new Error("no");
      return 5;
    });
    await expect(mod.load()).rejects.toThrow("no");
    expect(await mod.load()).toBe(5);
  });
});
