import { describe, expect, it } from "vitest";
import type { JsonValue } from "@/lib/core/json";
import { sampleRecording } from "@/lib/recording/testing/sample-recording";
import { decodeShareLink, encodeShareLink, type SharedSpell } from "./link";
import { readSharedRecordings, whyNotShareable, withRecordings } from "./shared-recordings";
import { MAX_RECORDINGS_BYTES } from "./shared-spell";

const spell: SharedSpell = { language: "lua", source: 'print("hi")', model: "openai/gpt-4o-mini" };

describe("recorded runs in a share link", () => {
  it("travel in a v2 link and read back as the same recording", async () => {
    const recording = sampleRecording();
    const fragment = await encodeShareLink(withRecordings(spell, [recording]));
    expect(fragment).toMatch(/^#v2\/lua\//);
    const opened = await decodeShareLink(fragment);
    expect(opened.source).toBe(spell.source);
    expect(readSharedRecordings(opened)).toEqual({ recordings: [recording] });
  });

  it("a link without recordings stays v1", async () => {
    expect(await encodeShareLink(spell)).toMatch(/^#v1\/lua\//);
  });

  it("carry two recordings for a comparison", async () => {
    const a = sampleRecording({}, "one");
    const b = sampleRecording({ model: "mock/echo" }, "two");
    const opened = await decodeShareLink(await encodeShareLink(withRecordings(spell, [a, b])));
    expect(readSharedRecordings(opened).recordings).toEqual([a, b]);
  });

  it("a bad recording is left out with a message naming the problem; the spell still opens", async () => {
    const bad = { ...sampleRecording(), calls: [{ startedMs: -1 }] } as unknown as JsonValue;
    const opened = await decodeShareLink(await encodeShareLink({ ...spell, recordings: [bad] }));
    expect(opened.source).toBe(spell.source);
    const read = readSharedRecordings(opened);
    expect(read.recordings).toEqual([]);
    expect(read.problem).toMatch(
      /^The link's recorded run could not be read: the recording is not valid at calls\.0\.request: .*The spell opened without it\.$/,
    );
  });

  it("a recording of a newer format says so", () => {
    const read = readSharedRecordings({ recordings: [{ ...sampleRecording(), version: 9 } as unknown as JsonValue] });
    expect(read.problem).toMatch(/recording version 9 is not supported \(this build reads version 1\)/);
  });
});

describe("the size cap on recorded runs", () => {
  const big = (bytes: number) => sampleRecording({}, "x".repeat(bytes));

  it("lets a recording just under the cap through and stops one over it, naming the size and the cap", async () => {
    const overhead = JSON.stringify([big(0)]).length;
    const fits = big(MAX_RECORDINGS_BYTES - overhead);
    expect(JSON.stringify([fits]).length).toBe(MAX_RECORDINGS_BYTES);
    expect(whyNotShareable([fits], spell)).toBeUndefined();
    await expect(encodeShareLink(withRecordings(spell, [fits]))).resolves.toMatch(/^#v2\//);

    const over = big(MAX_RECORDINGS_BYTES - overhead + 1);
    expect(whyNotShareable([over], spell)).toBe(
      "Cannot include the recorded run: the recorded run is 262,145 bytes of JSON; the limit is 262,144 bytes (256 KiB). Share the spell without it.",
    );
    await expect(encodeShareLink(withRecordings(spell, [over]))).rejects.toThrow(/262,145 bytes of JSON/);
  });

  it("an opened link whose recordings are over the cap opens the spell alone", () => {
    const read = readSharedRecordings({ recordings: [big(MAX_RECORDINGS_BYTES) as unknown as JsonValue] });
    expect(read.recordings).toEqual([]);
    expect(read.problem).toMatch(/could not be opened: the recorded run is [\d,]+ bytes of JSON; the limit is/);
  });
});

describe("which recording the share dialog may include", () => {
  it("one of this spell only", () => {
    expect(whyNotShareable([], spell)).toMatch(/Run the spell first/);
    expect(whyNotShareable([sampleRecording()], spell)).toBeUndefined();
    expect(whyNotShareable([sampleRecording()], { ...spell, source: 'print("changed")' })).toMatch(
      /another version of this spell/,
    );
    expect(whyNotShareable([sampleRecording({ args: { n: 1 } })], spell)).toMatch(/another version/);
    expect(whyNotShareable([sampleRecording({ engine: "javascript" })], spell)).toMatch(/another version/);
    // The two sides of a comparison may differ in their args, not in their source.
    const sides = [sampleRecording({ args: { n: 1 } }), sampleRecording({ args: { n: 2 } })];
    expect(whyNotShareable(sides, spell)).toBeUndefined();
    expect(whyNotShareable([sides[0], sampleRecording({ source: "x" })], spell)).toMatch(/another version/);
  });
});
