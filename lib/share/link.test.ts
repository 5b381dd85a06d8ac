import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  LONG_LINK_THRESHOLD,
  MAX_SOURCE_BYTES,
  ShareLinkError,
  decodeShareLink,
  encodeShareLink,
  isShareFragment,
  type SharedSpell,
} from "./link";
import { decodeBase64, encodeBase64 } from "@/lib/encoding/base64";

const jsonValue = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.parse(JSON.stringify(v)));
const modelArb = fc.constantFrom("mock/echo", "mock/default", "openai/gpt-4o-mini", "llama3.1:8b");
const spellArb: fc.Arbitrary<SharedSpell> = fc.record(
  {
    language: fc.constantFrom("lua" as const, "javascript" as const),
    source: fc.string({ unit: "grapheme", maxLength: 400 }),
    model: modelArb,
    args: jsonValue.filter((v) => v !== null),
  },
  { requiredKeys: ["language", "source"] },
);

async function deflate(text: string | Uint8Array): Promise<string> {
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return encodeBase64(new Uint8Array(await new Response(stream).arrayBuffer()), { alphabet: "url", pad: false });
}

async function expectShareError(fragment: string, problem: string, message: RegExp) {
  const error = await decodeShareLink(fragment).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ShareLinkError);
  expect((error as ShareLinkError).problem).toBe(problem);
  expect((error as ShareLinkError).message).toMatch(message);
}

describe("share links: round trip", () => {
  it("restores any spell exactly (property)", async () => {
    await fc.assert(
      fc.asyncProperty(spellArb, async (spell) => {
        const link = await encodeShareLink(spell);
        expect(link).toMatch(/^#v1\/(lua|js)\/[A-Za-z0-9_-]+$/);
        expect(await decodeShareLink(link)).toEqual(spell);
      }),
      { numRuns: 200 },
    );
  });

  it("keeps an args key named __proto__ (a counterexample the property test found)", async () => {
    const spell: SharedSpell = {
      language: "lua",
      source: "",
      args: JSON.parse('{"__proto__":false,"a":{"__proto__":[1]}}'),
    };
    const back = await decodeShareLink(await encodeShareLink(spell));
    expect(JSON.stringify(back.args)).toBe('{"__proto__":false,"a":{"__proto__":[1]}}');
  });

  it("restores full-unicode sources (astral planes, combining marks, RTL, NUL)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 300 }), async (raw) => {
        const source = raw.toWellFormed();
        const spell: SharedSpell = { language: "lua", source };
        expect((await decodeShareLink(await encodeShareLink(spell))).source).toBe(source);
      }),
      { numRuns: 200 },
    );
    const fixed = 'print("héllo 🌍 مرحبا \u0000 e\u0301 𝔘𝔫𝔦")\n-- ✓';
    expect((await decodeShareLink(await encodeShareLink({ language: "javascript", source: fixed }))).source).toBe(
      fixed,
    );
  });

  it("restores the empty spell", async () => {
    const link = await encodeShareLink({ language: "lua", source: "" });
    expect(await decodeShareLink(link)).toEqual({ language: "lua", source: "" });
  });

  it("restores a 64 KiB spell, and compresses a typical one well below the long-link threshold", async () => {
    const line = 'local r = Tool.execute("calculator", {operation = "evaluate", input = "2 + 2"})\n';
    let source = "";
    while (source.length + line.length <= MAX_SOURCE_BYTES) source += line;
    source += "x".repeat(MAX_SOURCE_BYTES - source.length);
    expect(new TextEncoder().encode(source).length).toBe(MAX_SOURCE_BYTES);
    const spell: SharedSpell = { language: "lua", source, model: "mock/echo", args: { n: 1 } };
    expect(await decodeShareLink(await encodeShareLink(spell))).toEqual(spell);

    const typical = [
      "-- A first agent: build it, ask it something, print the reply and what it cost.",
      'local agent = Agent.builder():name("helper"):model("mock/echo"):system_prompt("You are terse."):build()',
      'local result = agent:execute({text = "Say hello to the class"})',
      "print(result.text)",
      'print("model:", result.metadata.model, "tokens:", result.metadata.usage.output_tokens)',
      'local again = agent:execute({text = "And again, to the class"})',
      "print(again.text)",
      'local sum = Tool.execute("calculator", {operation = "evaluate", input = "2 + 2 * 3"})',
      'print("2 + 2 * 3 =", sum.result.result)',
    ].join("\n");
    const link = await encodeShareLink({ language: "lua", source: typical });
    expect(link.length).toBeLessThan(typical.length);
    expect(link.length).toBeLessThan(LONG_LINK_THRESHOLD);
  });

  it("restores a 64 KiB random (incompressible) unicode spell", async () => {
    const rng = fc.sample(fc.string({ unit: "binary", minLength: 30000, maxLength: 30000 }), {
      numRuns: 1,
      seed: 7,
    })[0];
    let source = rng.toWellFormed();
    while (new TextEncoder().encode(source).length > MAX_SOURCE_BYTES) source = source.slice(0, -100).toWellFormed();
    const link = await encodeShareLink({ language: "javascript", source });
    expect((await decodeShareLink(link)).source).toBe(source);
  });

  it("accepts the fragment with or without '#', and a whole URL", async () => {
    const link = await encodeShareLink({ language: "javascript", source: "print(1)" });
    const want = { language: "javascript", source: "print(1)" };
    expect(await decodeShareLink(link.slice(1))).toEqual(want);
    expect(await decodeShareLink(`http://127.0.0.1:3000/${link}`)).toEqual(want);
    expect(await decodeShareLink(`  ${link}\n`)).toEqual(want);
  });

  it("turns lone surrogates into U+FFFD instead of failing", async () => {
    const link = await encodeShareLink({ language: "lua", source: "a\uD800b" });
    expect((await decodeShareLink(link)).source).toBe("a\uFFFDb");
  });
});

/** The header line and source a link holds, decompressed as they are (no checks): what a reader sees. */
async function inflateLink(link: string): Promise<string> {
  const payload = link.split("/").slice(2).join("/");
  const bytes = decodeBase64(payload, { alphabet: "url", pad: false });
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return new Response(stream).text();
}

describe("share links: model settings (p, format v3)", () => {
  // Made by the build before model settings were shared (commit 6764fa0): they must open as they did.
  const V1_LINK = "#v1/lua/q1bKVbJSys1PztZPTc7IV9JRSlSyqlYqyS_ITFayUipPLM5Vqq3lKijKzCvRUMrIVNIEAA";
  const V1_SPELL: SharedSpell = { language: "lua", source: 'print("hi")', model: "mock/echo", args: { topic: "wasm" } };
  const V2_LINK = "#v2/js/q1bKVbJSys1PztZPSU1LLM0pUdJRKlKyiq5WSssvyk0sUbJSqlCqja3lSs7PK87PSdXLyU_XMNQEAA";
  const V2_SPELL: SharedSpell = {
    language: "javascript",
    source: "console.log(1)",
    model: "mock/default",
    recordings: [{ format: "x" }],
  };

  it("leaves links without settings as they were: v1 and v2, the same header and source", async () => {
    expect(await decodeShareLink(V1_LINK)).toEqual(V1_SPELL);
    expect(await decodeShareLink(V2_LINK)).toEqual(V2_SPELL);
    for (const [spell, old] of [
      [V1_SPELL, V1_LINK],
      [V2_SPELL, V2_LINK],
    ] as const) {
      const link = await encodeShareLink(spell);
      expect(link.slice(0, 7)).toBe(old.slice(0, 7));
      expect(await inflateLink(link)).toBe(await inflateLink(old));
    }
    // Settings with nothing set are no settings: still v1, no `p`.
    const none = await encodeShareLink({ ...V1_SPELL, modelParams: {} });
    expect(none.startsWith("#v1/lua/")).toBe(true);
    expect(await inflateLink(none)).toBe(await inflateLink(V1_LINK));
  });

  it("carries the settings that are set in a v3 link, and restores them", async () => {
    const spell: SharedSpell = { ...V1_SPELL, modelParams: { temperature: 0.2, seed: 7 } };
    const link = await encodeShareLink(spell);
    expect(link).toMatch(/^#v3\/lua\//);
    expect(await inflateLink(link)).toBe(
      '{"m":"mock/echo","a":{"topic":"wasm"},"p":{"temperature":0.2,"seed":7}}\nprint("hi")',
    );
    expect(await decodeShareLink(link)).toEqual(spell);
    // With recorded runs too: still v3 (its reader knows `r`).
    const both: SharedSpell = { ...V2_SPELL, modelParams: { maxTokens: 4096, topP: 0 } };
    const bothLink = await encodeShareLink(both);
    expect(bothLink).toMatch(/^#v3\/js\//);
    expect(await decodeShareLink(bothLink)).toEqual(both);
  });

  it("restores any settings within their bounds (property)", async () => {
    const paramsArb = fc.record(
      {
        temperature: fc.double({ min: 0, max: 2, noNaN: true }),
        maxTokens: fc.integer({ min: 1, max: 4096 }),
        topP: fc.double({ min: 0, max: 1, noNaN: true }),
        seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(spellArb, paramsArb, async (spell, modelParams) => {
        const set = Object.keys(modelParams).length > 0;
        const link = await encodeShareLink({ ...spell, modelParams });
        expect(link.startsWith(set ? "#v3/" : "#v1/")).toBe(true);
        // -0 is written as 0 by JSON.
        const want = JSON.parse(JSON.stringify({ ...spell, ...(set ? { modelParams } : {}) }));
        expect(await decodeShareLink(link)).toEqual(want);
      }),
      { numRuns: 150 },
    );
  });

  it("refuses settings out of range with the setting named, never clamping them", async () => {
    const cases: [string, RegExp][] = [
      ['{"p":{"temperature":5}}', /model settings are not valid: temperature must be a number from 0 to 2\.$/],
      ['{"p":{"maxTokens":0}}', /max tokens must be a whole number from 1 to 4096/],
      ['{"p":{"maxTokens":1.5}}', /max tokens must be a whole number from 1 to 4096/],
      ['{"p":{"topP":"high"}}', /top-p must be a number from 0 to 1/],
      ['{"p":{"seed":-1}}', /seed must be a whole number from 0 to 2147483647/],
      ['{"p":{"topK":3}}', /unknown setting "topK" \(known: temperature, maxTokens, topP, seed\)/],
    ];
    for (const [header, message] of cases)
      await expectShareError(`#v3/lua/${await deflate(`${header}\nprint(1)`)}`, "invalid", message);
    await expect(encodeShareLink({ language: "lua", source: "", modelParams: { temperature: 3 } })).rejects.toThrow(
      /temperature must be a number from 0 to 2/,
    );
  });

  it("treats settings in a link older than v3 as a damaged header, as the readers of v1 and v2 do", async () => {
    const payload = await deflate('{"p":{"temperature":0.2}}\nprint(1)');
    await expectShareError(`#v1/lua/${payload}`, "damaged", /header is not valid/);
    await expectShareError(`#v2/lua/${payload}`, "damaged", /header is not valid/);
    await expectShareError(`#v3/lua/${await deflate('{"p":[0.2]}\nprint(1)')}`, "damaged", /header is not valid/);
    expect((await decodeShareLink(`#v3/lua/${payload}`)).modelParams).toEqual({ temperature: 0.2 });
  });

  it("keeps the decompressed size cap with settings in the header", async () => {
    const bomb = await deflate(`{"p":{"seed":7}}\n${"a".repeat(5_000_000)}`);
    await expectShareError(`#v3/lua/${bomb}`, "too_large", /larger than/);
  });
});

describe("share links: limits", () => {
  it("refuses to encode a source over 64 KiB, naming the size", async () => {
    await expect(encodeShareLink({ language: "lua", source: "x".repeat(MAX_SOURCE_BYTES + 1) })).rejects.toThrow(
      /65537 bytes; the limit is 65536/,
    );
  });

  it("refuses args over 16 KiB", async () => {
    await expect(encodeShareLink({ language: "lua", source: "", args: "y".repeat(17000) })).rejects.toThrow(/args/);
  });

  it("refuses an invalid spell with the field named", async () => {
    await expect(encodeShareLink({ language: "python" as "lua", source: "print(1)" })).rejects.toThrow(/language/);
    await expect(encodeShareLink({ language: "lua", source: "", model: "has space" })).rejects.toThrow(/model/);
  });

  it("stops inflating a zip bomb at the cap", async () => {
    const bomb = await deflate(`{}\n${"a".repeat(5_000_000)}`);
    expect(bomb.length).toBeLessThan(10_000);
    await expectShareError(`#v1/lua/${bomb}`, "too_large", /larger than/);
  });

  it("refuses a payload whose source decompresses past 64 KiB", async () => {
    const payload = await deflate(`{}\n${"a".repeat(MAX_SOURCE_BYTES + 10)}`);
    await expectShareError(`#v1/lua/${payload}`, "too_large", /65546 bytes/);
  });
});

describe("share links: bad links say what is wrong", () => {
  it("an empty fragment", () => expectShareError("#", "not_a_link", /empty/));
  it("a fragment that is no spell link", () => expectShareError("#section-2", "not_a_link", /not a spell link/));
  it("a future version", () => expectShareError("#v4/lua/abc", "future_version", /newer version.*v4.*reads v3/));
  it("a version 0", () => expectShareError("#v0/lua/abc", "not_a_link", /unknown format version/));
  it("a missing language", () => expectShareError("#v1", "incomplete", /no language/));
  it("an unknown language", () => expectShareError("#v1/python/abc", "unknown_language", /"python"/));
  it("a missing payload", () => expectShareError("#v1/lua/", "incomplete", /data is missing/));
  it("a character that is not base64url", () => expectShareError("#v1/lua/ab+c", "damaged", /"\+" at position 2/));
  it("a percent-encoded payload", () => expectShareError("#v1/lua/a%20bc", "damaged", /not base64url/));

  it("a truncated link (every cut of a real link)", async () => {
    const link = await encodeShareLink({
      language: "lua",
      source: 'local a = Agent.builder():model("mock/echo"):build()\nprint(a:execute({text = "hello there"}).text)',
      model: "mock/echo",
    });
    const payloadStart = "#v1/lua/".length;
    for (let cut = payloadStart + 1; cut < link.length - 1; cut++) {
      await expectShareError(link.slice(0, cut), "damaged", /truncated|damaged|cut off/);
    }
  });

  it("data that is not deflate", () =>
    expectShareError(
      `#v1/lua/${encodeBase64(new Uint8Array([255, 255, 255, 0, 1]), { alphabet: "url", pad: false })}`,
      "damaged",
      /does not decompress/,
    ));
  it("data that is not UTF-8", async () =>
    expectShareError(
      `#v1/lua/${await deflate(new Uint8Array([0x7b, 0x7d, 0x0a, 0xff, 0xfe]))}`,
      "damaged",
      /not UTF-8/,
    ));
  it("data with no header line", async () =>
    expectShareError(`#v1/lua/${await deflate("print(1)")}`, "damaged", /no header/));
  it("a header that is not JSON", async () =>
    expectShareError(`#v1/lua/${await deflate("{oops\nprint(1)")}`, "damaged", /header/));
  it("a header with unknown fields", async () =>
    expectShareError(`#v1/lua/${await deflate('{"x":1}\nprint(1)')}`, "damaged", /header/));
  it("a header with a bad model", async () =>
    expectShareError(`#v1/lua/${await deflate('{"m":"a b"}\nprint(1)')}`, "invalid", /model/));

  it("isShareFragment tells spell links from other fragments", () => {
    expect(isShareFragment("#v1/lua/abc")).toBe(true);
    expect(isShareFragment("#v9")).toBe(true);
    expect(isShareFragment("v1/js/x")).toBe(true);
    expect(isShareFragment("#top")).toBe(false);
    expect(isShareFragment("")).toBe(false);
  });
});

describe("share links: fuzz (nothing but ShareLinkError ever escapes)", () => {
  async function decodesOrRejectsCleanly(fragment: string) {
    try {
      const spell = await decodeShareLink(fragment);
      expect(["lua", "javascript"]).toContain(spell.language);
      expect(typeof spell.source).toBe("string");
    } catch (error) {
      expect(error).toBeInstanceOf(ShareLinkError);
      expect((error as Error).message.length).toBeGreaterThan(10);
    }
  }

  it("random strings", async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: "binary", maxLength: 200 }), decodesOrRejectsCleanly), {
      numRuns: 300,
    });
  });

  it("random base64url payloads after a valid prefix", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("#v1/lua/", "#v1/js/", "v1/javascript/"),
        fc.stringMatching(/^[A-Za-z0-9_-]{0,300}$/),
        (prefix, payload) => decodesOrRejectsCleanly(prefix + payload),
      ),
      { numRuns: 300 },
    );
  });

  it("random bytes, deflated (valid compression, garbage content)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) =>
        decodesOrRejectsCleanly(`#v1/lua/${await deflate(bytes)}`),
      ),
      { numRuns: 200 },
    );
  });

  it("real links with one byte flipped", async () => {
    const link = await encodeShareLink({
      language: "lua",
      source: 'print("hello")\nprint(1 + 2)',
      model: "mock/echo",
      args: { a: [1, 2] },
    });
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: link.length - 1 }), fc.constantFrom(..."ABCxyz019-_+/=%#"), (index, ch) =>
        decodesOrRejectsCleanly(link.slice(0, index) + ch + link.slice(index + 1)),
      ),
      { numRuns: 300 },
    );
  });
});
