import { afterEach, describe, expect, it } from "vitest";
import * as z from "zod";
import {
  onStorageNotice,
  readVersioned,
  writeRaw,
  writeVersioned,
  type StorageNotice,
  type VersionedCodec,
} from "./storage";
import { createFakeStorage } from "./test-storage";

const codec: VersionedCodec<{ n: number; label: string }> = {
  version: 2,
  schema: z.object({ n: z.number(), label: z.string() }),
  migrate: (from, data) => {
    if (from === 1) return { n: (data as { count: number }).count, label: "migrated" };
    throw new Error("no path");
  },
};

function collectNotices() {
  const notices: StorageNotice[] = [];
  const off = onStorageNotice((n) => notices.push(n));
  return { notices, off };
}

let off: (() => void) | undefined;
afterEach(() => off?.());

describe("versioned storage", () => {
  it("round-trips a value with its version", () => {
    const s = createFakeStorage();
    expect(writeVersioned(s, "local", "k", codec, { n: 3, label: "x" })).toBe(true);
    expect(JSON.parse(s.data.get("k")!)).toEqual({ v: 2, data: { n: 3, label: "x" } });
    expect(readVersioned(s, "local", "k", codec)).toEqual({ n: 3, label: "x" });
  });

  it("migrates an older version", () => {
    const s = createFakeStorage();
    s.data.set("k", JSON.stringify({ v: 1, data: { count: 7 } }));
    expect(readVersioned(s, "local", "k", codec)).toEqual({ n: 7, label: "migrated" });
  });

  it("rejects a future version, bad JSON and a bad shape with a notice, never a throw", () => {
    const c = collectNotices();
    off = c.off;
    const s = createFakeStorage();
    s.data.set("future", JSON.stringify({ v: 3, data: { n: 1, label: "y" } }));
    s.data.set("json", "{not json");
    s.data.set("shape", JSON.stringify({ v: 2, data: { n: "one", label: "y" } }));
    s.data.set("bare", JSON.stringify({ n: 1 }));
    expect(readVersioned(s, "local", "future", codec)).toBeNull();
    expect(readVersioned(s, "local", "json", codec)).toBeNull();
    expect(readVersioned(s, "local", "shape", codec)).toBeNull();
    expect(readVersioned(s, "local", "bare", codec)).toBeNull();
    expect(c.notices.map((n) => n.problem)).toEqual(["corrupt", "corrupt", "corrupt", "corrupt"]);
    expect(c.notices[0].message).toContain("version 3 is newer");
    expect(c.notices[2].message).toContain("n:");
  });

  it("reports a full storage instead of throwing", () => {
    const c = collectNotices();
    off = c.off;
    const s = createFakeStorage("full");
    expect(writeRaw(s, "local", "k", "v")).toBe(false);
    expect(c.notices).toHaveLength(1);
    expect(c.notices[0]).toMatchObject({ problem: "full", area: "local", key: "k" });
    expect(c.notices[0].message).toMatch(/full/);
  });

  it("reports a disabled storage on read and write instead of throwing", () => {
    const c = collectNotices();
    off = c.off;
    const s = createFakeStorage("disabled");
    expect(readVersioned(s, "session", "k", codec)).toBeNull();
    expect(writeVersioned(s, "session", "k", codec, { n: 1, label: "a" })).toBe(false);
    expect(c.notices.map((n) => n.problem)).toEqual(["unavailable", "unavailable"]);
  });

  it("treats a missing storage (server render) as empty and reports writes", () => {
    const c = collectNotices();
    off = c.off;
    expect(readVersioned(null, "local", "k", codec)).toBeNull();
    expect(writeRaw(null, "local", "k", "v")).toBe(false);
    expect(c.notices).toHaveLength(1);
  });
});
