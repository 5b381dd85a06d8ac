import { describe, expect, it } from "vitest";
import { loadEmbedSpell } from "./embed-load";
import { encodeShareLink } from "./link";

const jsonResponse = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("loading the embed's spell", () => {
  it("reads the fragment", async () => {
    const hash = await encodeShareLink({ language: "lua", source: "print(1)", model: "mock/echo" });
    expect(await loadEmbedSpell({ hash }, undefined)).toEqual({
      ok: true,
      spell: { language: "lua", source: "print(1)", model: "mock/echo" },
    });
  });

  it("reads a link that carries model settings (format v3), and a short link's settings", async () => {
    const spell = { language: "lua", source: "print(1)", modelParams: { temperature: 0.2, seed: 7 } } as const;
    const hash = await encodeShareLink(spell);
    expect(hash).toMatch(/^#v3\//);
    expect(await loadEmbedSpell({ hash }, undefined)).toEqual({ ok: true, spell });
    expect(await loadEmbedSpell({ hash: "" }, "abcdefghijk", async () => jsonResponse(200, spell))).toEqual({
      ok: true,
      spell,
    });
  });

  it("says why there is no spell", async () => {
    expect(await loadEmbedSpell({ hash: "" }, undefined)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/has no spell/),
    });
    expect(await loadEmbedSpell({ hash: "#intro" }, undefined)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not a spell link/),
    });
    expect(await loadEmbedSpell({ hash: "#v1/lua/AAAA" }, undefined)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/truncated or damaged/),
    });
    expect(await loadEmbedSpell({ hash: "#v7/lua/AAAA" }, undefined)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/newer version/),
    });
  });

  it("fetches a short link, and explains a missing or broken one", async () => {
    const spell = { language: "javascript", source: "print(2)" };
    const seen: string[] = [];
    const ok = await loadEmbedSpell({ hash: "" }, "abcdefghijk", async (url) => {
      seen.push(String(url));
      return jsonResponse(200, spell);
    });
    expect(ok).toEqual({ ok: true, spell });
    expect(seen).toEqual(["/api/share/abcdefghijk"]);
    expect(
      await loadEmbedSpell({ hash: "" }, "abcdefghijk", async () => jsonResponse(404, { error: "nope" })),
    ).toMatchObject({
      ok: false,
      message: expect.stringMatching(/No spell is stored under the short link abcdefghijk/),
    });
    expect(
      await loadEmbedSpell({ hash: "" }, "abcdefghijk", async () => jsonResponse(200, { language: "cobol" })),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/not a spell/) });
    expect(
      await loadEmbedSpell({ hash: "" }, "abcdefghijk", async () => {
        throw new TypeError("network down");
      }),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/Could not reach/) });
    expect(await loadEmbedSpell({ hash: "" }, "bad")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not a short-link id/),
    });
  });
});
