/**
 * Memory bombs one after another must not ratchet the shared wasm heap up without bound (each run may fill
 * what earlier runs freed, since the heap never shrinks): the module's ceiling holds, every bomb ends as a
 * `memory` error, and the engine still runs spells afterwards. Its own file, so its big heap stays in its
 * own test process.
 */
import { expect, it } from "vitest";
import { createJavascriptEngine } from "./engine";
import { MAXIMUM_HEAP_BYTES, loadQuickJs } from "./quickjs-module";

it("keeps the heap under its ceiling across repeated memory bombs", async () => {
  const engine = await createJavascriptEngine();
  const memory = (await loadQuickJs()).getWasmMemory();
  for (let i = 0; i < 6; i++) {
    const r = await engine.execute("const keep = [];\nfor (let i = 0; ; i++) keep.push(new Uint8Array(1024 * 1024))", {
      memoryLimitBytes: 96 * 1024 * 1024,
      timeoutMs: 10_000,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe("memory");
    expect(memory.buffer.byteLength).toBeLessThanOrEqual(MAXIMUM_HEAP_BYTES);
  }
  const after = await engine.execute("const a = []; for (let i = 0; i < 1000; i++) a.push({ i }); return a.length");
  expect(after).toMatchObject({ ok: true, value: 1000 });
}, 60_000);
