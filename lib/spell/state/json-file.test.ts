import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createJsonFileStateStore } from "./json-file";
import { runStateStoreContract } from "./store-contract";

const dir = mkdtempSync(join(tmpdir(), "spell-state-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

describe("JSON file state store", () => {
  runStateStoreContract(() => createJsonFileStateStore(join(dir, `s${++n}.json`)));

  it("writes a __proto__ scope and key to the file as names, and reads them back as names", async () => {
    const path = join(dir, "proto.json");
    await createJsonFileStateStore(path).set("__proto__", "__proto__", { v: 1 });
    expect(readFileSync(path, "utf8")).toContain('"__proto__": {');
    const again = createJsonFileStateStore(path);
    expect(await again.get("__proto__", "__proto__")).toEqual({ v: 1 });
    expect(await again.keys("__proto__")).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).v).toBeUndefined();
  });

  it("writes the file and a new store reads it back; no temp files left", async () => {
    const path = join(dir, "persist.json");
    const s = createJsonFileStateStore(path);
    await Promise.all([s.set("global", "a", 1), s.set("global", "b", [1, 2]), s.set("x", "y", { z: true })]);
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual({ global: { a: 1, b: [1, 2] }, x: { y: { z: true } } });
    expect(await createJsonFileStateStore(path).get("global", "b")).toEqual([1, 2]);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("creates missing parent directories", async () => {
    const path = join(dir, "nested", "deeper", "state.json");
    await createJsonFileStateStore(path).set("g", "k", "v");
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual({ g: { k: "v" } });
  });

  it("refuses a corrupt file with a clear error and leaves it untouched", async () => {
    const path = join(dir, "corrupt.json");
    writeFileSync(path, "{ not json");
    const s = createJsonFileStateStore(path);
    await expect(s.get("g", "k")).rejects.toThrow(/not valid JSON.*fix or remove it/);
    await expect(s.set("g", "k", 1)).rejects.toThrow(/not valid JSON/);
    expect(readFileSync(path, "utf8")).toBe("{ not json");
  });

  it("refuses JSON of the wrong shape", async () => {
    const path = join(dir, "shape.json");
    writeFileSync(path, JSON.stringify({ global: 5 }));
    await expect(createJsonFileStateStore(path).keys("global")).rejects.toThrow(
      /not a \{scope: \{key: value\}\} object/,
    );
  });
});
