import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { canonicalJson, canonicalSpellText, computeShareId } from "./content-id";
import { createHash } from "node:crypto";

describe("content ids", () => {
  it("is the first 11 characters of base64url(sha256(canonical content))", async () => {
    const spell = { language: "lua" as const, source: 'print("hi")', model: "mock/echo" };
    const want = createHash("sha256").update(canonicalSpellText(spell)).digest("base64url").slice(0, 11);
    expect(await computeShareId(spell)).toBe(want);
    expect(await computeShareId(spell)).toMatch(/^[A-Za-z0-9_-]{11}$/);
  });

  it("does not depend on key order or on absent optional fields", async () => {
    const a = await computeShareId({ language: "lua", source: "x", args: { b: 1, a: [1, { d: 2, c: 3 }] } });
    const b = await computeShareId({ args: { a: [1, { c: 3, d: 2 }], b: 1 }, source: "x", language: "lua" });
    expect(a).toBe(b);
    expect(await computeShareId({ language: "lua", source: "x", model: undefined })).toBe(
      await computeShareId({ language: "lua", source: "x" }),
    );
  });

  it("changes when anything that matters changes", async () => {
    const base = await computeShareId({ language: "lua", source: "x" });
    expect(await computeShareId({ language: "javascript", source: "x" })).not.toBe(base);
    expect(await computeShareId({ language: "lua", source: "x " })).not.toBe(base);
    expect(await computeShareId({ language: "lua", source: "x", model: "mock/echo" })).not.toBe(base);
    expect(await computeShareId({ language: "lua", source: "x", args: 1 })).not.toBe(base);
  });

  it("canonical JSON parses back to the same value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const clean = JSON.parse(JSON.stringify(v));
        expect(JSON.parse(canonicalJson(clean))).toEqual(clean);
      }),
    );
  });
});
