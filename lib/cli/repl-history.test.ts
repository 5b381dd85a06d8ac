import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { historyPath } from "./repl-command";
import { appendHistory, HISTORY_LINES, readHistory } from "./repl-history";

describe("the REPL's history file", () => {
  it("appends lines and reads them back newest first; a missing file is an empty history", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "llmspell-history-")), "h");
    expect(await readHistory(path)).toEqual([]);
    await appendHistory(path, "x = 1");
    await appendHistory(path, "print(x)");
    await appendHistory(path, "two\nlines");
    expect(readFileSync(path, "utf8")).toBe("x = 1\nprint(x)\n");
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(await readHistory(path)).toEqual(["print(x)", "x = 1"]);
  });

  it(`reads at most the last ${HISTORY_LINES} lines`, async () => {
    const path = join(mkdtempSync(join(tmpdir(), "llmspell-history-")), "h");
    writeFileSync(path, Array.from({ length: HISTORY_LINES + 5 }, (_, i) => `line ${i}`).join("\n") + "\n");
    const history = await readHistory(path);
    expect(history).toHaveLength(HISTORY_LINES);
    expect(history[0]).toBe(`line ${HISTORY_LINES + 4}`);
    expect(history.at(-1)).toBe("line 5");
  });

  it("lives in ~/.llmspell_history unless LLMSPELL_HISTORY names another file", () => {
    expect(historyPath({ HOME: "/home/u" })).toMatch(/\.llmspell_history$/);
    expect(historyPath({ LLMSPELL_HISTORY: "/tmp/h" })).toBe("/tmp/h");
  });
});
