import { afterEach, describe, expect, it, vi } from "vitest";
import { isBrowser, resolveWasmUrl } from "./engine";

afterEach(() => vi.unstubAllGlobals());

describe("lua wasm location", () => {
  it("lets wasmoon find its own file in Node", () => {
    expect(isBrowser()).toBe(false);
    expect(resolveWasmUrl()).toBeUndefined();
  });
  it("uses the configured URL when given", () => {
    expect(resolveWasmUrl({ wasmUrl: "/static/glue.wasm" })).toBe("/static/glue.wasm");
  });
  it("uses the bundled asset in a Web Worker, never a CDN", () => {
    vi.stubGlobal("WorkerGlobalScope", function WorkerGlobalScope() {});
    expect(isBrowser()).toBe(true);
    const url = resolveWasmUrl();
    expect(url).toMatch(/glue\.wasm$/);
    // Resolved beside our own module (file: here, the app's origin in a bundle), never on another host.
    expect(new URL(url!, "http://127.0.0.1/").protocol).toBe("file:");
  });
});
