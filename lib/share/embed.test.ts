import { describe, expect, it } from "vitest";
import { EMBED_DEFAULTS, buildEmbedSnippet, buildEmbedUrl, embedSandbox, parseEmbedParams } from "./embed";

describe("embed parameters", () => {
  it("defaults when there are none", () => {
    expect(parseEmbedParams("")).toEqual({ options: EMBED_DEFAULTS, problems: [] });
  });

  it("reads every option", () => {
    const { options, problems } = parseEmbedParams(
      "?autorun&theme=dark&readonly=1&height=320px&editor=0&s=abcdefghijk",
    );
    expect(problems).toEqual([]);
    expect(options).toEqual({
      autorun: true,
      theme: "dark",
      readonly: true,
      height: 320,
      showEditor: false,
      shortId: "abcdefghijk",
    });
    expect(parseEmbedParams("autorun=false&readonly=no").options).toMatchObject({ autorun: false, readonly: false });
  });

  it("falls back to the default for a bad value and names it", () => {
    const { options, problems } = parseEmbedParams("autorun=maybe&theme=pink&height=5&s=../../etc");
    expect(options).toEqual(EMBED_DEFAULTS);
    expect(problems).toHaveLength(4);
    expect(problems.join("\n")).toMatch(/autorun=maybe/);
    expect(problems.join("\n")).toMatch(/theme=pink is not light, dark or system/);
    expect(problems.join("\n")).toMatch(/height=5 must be a number of pixels from 80 to 2000/);
    expect(problems.join("\n")).toMatch(/not a short-link id/);
    expect(parseEmbedParams("height=2001").problems).toHaveLength(1);
    expect(parseEmbedParams("height=2000").options.height).toBe(2000);
    expect(parseEmbedParams("height=80").options.height).toBe(80);
  });

  it("builds URLs that parse back to the same options", () => {
    const url = buildEmbedUrl(
      "http://127.0.0.1:3000/",
      { fragment: "#v1/lua/abc" },
      { autorun: true, theme: "light", height: 200, readonly: true, showEditor: false },
    );
    expect(url).toBe("http://127.0.0.1:3000/embed?autorun&readonly&editor=0&theme=light&height=200#v1/lua/abc");
    const parsed = new URL(url);
    expect(parseEmbedParams(parsed.search).options).toEqual({
      autorun: true,
      theme: "light",
      height: 200,
      readonly: true,
      showEditor: false,
    });
    expect(buildEmbedUrl("http://h", { fragment: "v1/js/x" })).toBe("http://h/embed#v1/js/x");
    expect(buildEmbedUrl("http://h", { shortId: "abcdefghijk" }, { autorun: true })).toBe(
      "http://h/embed?s=abcdefghijk&autorun",
    );
  });

  it("reads a sandbox preset, names a bad one, and writes a non-standard one back", () => {
    expect(parseEmbedParams("sandbox=strict")).toEqual({
      options: { ...EMBED_DEFAULTS, sandbox: "strict" },
      problems: [],
    });
    const bad = parseEmbedParams("sandbox=open");
    expect(bad.options).toEqual(EMBED_DEFAULTS);
    expect(bad.problems).toEqual(["?sandbox=open: 'open' is not a sandbox preset (use standard, strict, minimal)"]);
    const url = buildEmbedUrl("http://h", { shortId: "abcdefghijk" }, { sandbox: "minimal" });
    expect(url).toBe("http://h/embed?s=abcdefghijk&sandbox=minimal");
    expect(parseEmbedParams(new URL(url).search).options.sandbox).toBe("minimal");
    expect(buildEmbedUrl("http://h", { shortId: "abcdefghijk" }, { sandbox: "standard" })).toBe(
      "http://h/embed?s=abcdefghijk",
    );
  });

  it("lets an embed ask for a tighter preset than the browser's, never a looser one", () => {
    expect(embedSandbox("standard", "strict")).toEqual({ sandbox: "strict" });
    expect(embedSandbox("standard", undefined)).toEqual({ sandbox: "standard" });
    expect(embedSandbox("strict", "minimal")).toEqual({ sandbox: "minimal" });
    expect(embedSandbox("strict", "standard")).toEqual({
      sandbox: "strict",
      problem: "?sandbox=standard is looser than this browser's strict preset, so strict applies",
    });
    expect(embedSandbox("minimal", undefined)).toEqual({ sandbox: "minimal" });
  });

  it("escapes the URL inside the iframe snippet", () => {
    const snippet = buildEmbedSnippet('http://h/embed?a&b"<x>', { title: "A <b>" });
    expect(snippet).toContain('src="http://h/embed?a&amp;b&quot;&lt;x&gt;"');
    expect(snippet).toContain('title="A &lt;b&gt;"');
    expect(snippet).toMatch(/^<iframe [^>]*><\/iframe>$/);
  });
});
