import { describe, expect, it } from "vitest";
import { computeShareId } from "../content-id";
import type { SharedSpell } from "../shared-spell";
import { rowToSpell, spellToRow } from "./rows";

/** Rows as builds before model settings wrote them (format 1: a spell alone; format 2: with a recorded run). */
const OLD_ROWS: [string, SharedSpell][] = [
  [
    '{"args":{"topic":"wasm"},"language":"lua","model":"mock/echo","source":"print(1)"}',
    { language: "lua", source: "print(1)", model: "mock/echo", args: { topic: "wasm" } },
  ],
  [
    '{"language":"javascript","recordings":[{"format":"x"}],"source":"console.log(1)"}',
    { language: "javascript", source: "console.log(1)", recordings: [{ format: "x" }] },
  ],
];

describe("short-link rows", () => {
  it("read rows written before model settings as they were, with none", () => {
    for (const [row, spell] of OLD_ROWS) {
      const read = rowToSpell("oldrow00000", row);
      expect(read).toEqual(spell);
      expect(read.modelParams).toBeUndefined();
      // Written again, a spell without settings is the same row: its id and dedupe are unchanged.
      expect(spellToRow(read)).toBe(row);
    }
  });

  it("keep the model settings that are set, and drop an empty set", async () => {
    const spell: SharedSpell = { language: "lua", source: "print(1)", modelParams: { temperature: 0.2, seed: 7 } };
    const row = spellToRow(spell);
    expect(row).toBe('{"language":"lua","modelParams":{"seed":7,"temperature":0.2},"source":"print(1)"}');
    expect(rowToSpell("newrow00000", row)).toEqual(spell);
    const bare: SharedSpell = { language: "lua", source: "print(1)" };
    expect(spellToRow({ ...bare, modelParams: {} })).toBe(spellToRow(bare));
    expect(await computeShareId({ ...bare, modelParams: {} })).toBe(await computeShareId(bare));
    expect(await computeShareId(spell)).not.toBe(await computeShareId(bare));
  });

  it("refuse a row whose settings are out of range or unknown, naming the row", () => {
    for (const params of ['{"temperature":9}', '{"topK":3}', '{"seed":"7"}'])
      expect(() => rowToSpell("badrow00000", `{"language":"lua","modelParams":${params},"source":"x"}`)).toThrow(
        /stored spell badrow00000 does not have the shape of a spell/,
      );
  });
});
