import { describe, expect, it } from "vitest";
import { encodeBase64 } from "@/lib/encoding/base64";
import { deflateRaw } from "@/lib/encoding/deflate";
import { decodeLessonLink, encodeLessonLink, LessonLinkError } from "./link";
import { parseLesson, slugify, type Lesson } from "./schema";

const lesson = (): Lesson => ({
  version: 1,
  title: "Two steps",
  languages: ["lua", "javascript"],
  steps: [
    {
      id: "hello",
      title: "Hello",
      prose: "Say **hello**.",
      start: { lua: "-- say hello", javascript: "// say hello" },
      solution: { lua: 'print("hello")', javascript: 'print("hello")' },
      checks: [{ kind: "output-contains", text: "hello", message: "Print hello." }],
    },
    {
      id: "agent",
      title: "An agent",
      prose: "",
      start: { lua: "", javascript: "" },
      model: "mock/echo",
      args: { topic: "sea" },
      recording: { any: ["json", 1] },
      checks: [],
    },
  ],
});

function messageOf(value: unknown): string {
  const r = parseLesson(value);
  if (r.ok) throw new Error("expected the lesson to be refused");
  return r.message;
}

describe("parseLesson", () => {
  it("accepts a lesson and keeps every field", () => {
    const r = parseLesson(lesson());
    expect(r).toEqual({ ok: true, lesson: lesson() });
  });

  it("names the step (by number and id) and the check that is wrong", () => {
    const l = lesson() as unknown as { steps: { checks: unknown[] }[] };
    l.steps[1].checks = [
      { kind: "output-contains", text: "x", message: "m" },
      { kind: "nope", message: "m" },
    ];
    expect(messageOf(l)).toMatch(/^This lesson is not valid: step 2 \(agent\), check 2, kind: kind must be one of /);
  });

  it("requires a start (and a solution, when there is one) for every language of the lesson", () => {
    const l = lesson();
    delete l.steps[0].start.javascript;
    delete l.steps[0].solution!.lua;
    const m = messageOf(l);
    expect(m).toContain("step 1 (hello), solution: no lua solution");
    expect(m).toContain("step 1 (hello), start: no starting javascript spell");
  });

  it("refuses duplicate step ids, bad ids, unknown fields and empty lessons with clear words", () => {
    const dup = lesson();
    dup.steps[1].id = "hello";
    expect(messageOf(dup)).toContain("step 2 (hello), id: the id hello is used by an earlier step");
    const badId = lesson();
    badId.steps[0].id = "Hello World";
    expect(messageOf(badId)).toContain("step 1, id: id must be 1-64 lower-case letters");
    expect(messageOf({ ...lesson(), author: "me" })).toContain('Unrecognized key: "author"');
    expect(messageOf({ ...lesson(), steps: [] })).toContain("steps: a lesson needs at least one step");
    expect(messageOf({ ...lesson(), languages: ["python"] })).toContain('languages, 0: a language must be "lua"');
    expect(messageOf(null)).toMatch(/^This lesson is not valid: /);
  });

  it("tells a lesson from a newer format apart", () => {
    expect(messageOf({ ...lesson(), version: 2 })).toMatch(/newer version of the playground \(format 2\)/);
  });

  it("counts the problems it does not show", () => {
    const l = lesson() as unknown as { steps: { title: string }[] };
    for (const s of l.steps) s.title = "";
    (l as unknown as { title: string }).title = "";
    const extra = { ...l, languages: [] };
    expect(messageOf(extra)).toMatch(/\(and \d+ more problems?\)\.$/);
  });
});

describe("lesson links", () => {
  it("round-trip a lesson through #v1/<payload>", async () => {
    const link = await encodeLessonLink(lesson());
    expect(link).toMatch(/^#v1\/[A-Za-z0-9_-]+$/);
    expect(await decodeLessonLink(link)).toEqual(lesson());
    expect(await decodeLessonLink(`https://example.test/lesson${link}`)).toEqual(lesson());
  });

  async function problem(fragment: string): Promise<string> {
    try {
      await decodeLessonLink(fragment);
    } catch (e) {
      expect(e).toBeInstanceOf(LessonLinkError);
      return (e as Error).message;
    }
    throw new Error("expected the link to be refused");
  }

  const linkOf = async (text: string) =>
    `#v1/${encodeBase64(await deflateRaw(new TextEncoder().encode(text)), { alphabet: "url", pad: false })}`;

  it("say what is wrong with a bad link", async () => {
    expect(await problem("")).toMatch(/holds no lesson/);
    expect(await problem("#hello")).toMatch(/not a lesson link/);
    expect(await problem("#v9/abc")).toMatch(/newer version/);
    expect(await problem("#v1/")).toMatch(/incomplete/);
    expect(await problem("#v1/@@@")).toMatch(/damaged/);
    expect(await problem("#v1/AAAA")).toMatch(/truncated or damaged/);
    const link = await encodeLessonLink(lesson());
    expect(await problem(link.slice(0, link.length - 10))).toMatch(/truncated or damaged|damaged/);
    expect(await problem(await linkOf("{not json"))).toMatch(/not JSON/);
    expect(await problem(await linkOf(JSON.stringify({ ...lesson(), steps: [] })))).toMatch(
      /^This lesson is not valid: steps: a lesson needs at least one step/,
    );
  });

  it("refuse a link that would expand past the cap", async () => {
    expect(await problem(await linkOf(`"${"a".repeat(600 * 1024)}"`))).toMatch(/larger than/);
  });

  it("refuse to encode an invalid lesson", async () => {
    await expect(encodeLessonLink({ ...lesson(), title: "" })).rejects.toThrow(/Cannot share this lesson/);
  });
});

describe("slugify", () => {
  it("makes a step id from a title", () => {
    expect(slugify("Hello, World!")).toBe("hello-world");
    expect(slugify("  Ünïcode & más ")).toBe("unicode-mas");
    expect(slugify("!!!")).toBe("step");
    expect(slugify("a".repeat(100))).toHaveLength(64);
  });
});
