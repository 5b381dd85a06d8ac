import { describe, expect, it } from "vitest";
import type { RunEvent } from "@/lib/core/events";
import {
  applyRunEvent,
  clearConsoleLines,
  consoleText,
  createRunView,
  droppedNote,
  fullOutputText,
  MAX_CONSOLE_LINES,
  MAX_DROPPED_BYTES,
  type RunView,
} from "./run-view";

const log = (text: string, level: "log" | "warn" = "log"): RunEvent => ({ type: "log", level, text, t: 0 });

function printLines(view: RunView, count: number, text = (i: number) => String(i)): void {
  for (let i = 1; i <= count; i++) applyRunEvent(view, log(text(i)));
}

describe("the console's dropped lines", () => {
  it("counts every dropped line across many trims (15,001 dropped says 15,001)", () => {
    const view = createRunView();
    // The console keeps MAX_CONSOLE_LINES - 1 lines after the note; trims happen in batches.
    printLines(view, 20_000);
    const note = view.lines[0];
    expect(note).toMatchObject({ kind: "system", note: "dropped" });
    const shown = view.lines.length - 1;
    expect(view.droppedLines).toBe(20_000 - shown);
    expect(note.kind === "system" && note.text).toBe(droppedNote(20_000 - shown));
    expect(droppedNote(15_001)).toMatch(/^15,001 earlier lines were dropped \(the console keeps the last 5,000;/);
    // Exactly one note, whatever the number of trims.
    expect(view.lines.filter((l) => l.kind === "system" && l.note === "dropped")).toHaveLength(1);
  });

  it("keeps dropped lines for the download: every line, in order, once", () => {
    const view = createRunView();
    applyRunEvent(view, log("careful", "warn"));
    printLines(view, 30_000);
    const text = fullOutputText(view);
    const lines = text.split("\n");
    expect(lines[0]).toBe("[warn] careful");
    expect(lines.slice(1, 30_001)).toEqual(Array.from({ length: 30_000 }, (_, i) => String(i + 1)));
    expect(lines[30_001]).toBe("");
    expect(lines).toHaveLength(30_002);
    // The note is in the console, not in the file.
    expect(text).not.toContain("earlier lines were dropped");
  });

  it("publishes copies that do not change when the working view trims again", () => {
    const view = createRunView();
    printLines(view, MAX_CONSOLE_LINES + 600);
    const published = { ...view, lines: [...view.lines] };
    const before = fullOutputText(published);
    printLines(view, 2000, (i) => `later ${i}`);
    expect(fullOutputText(published)).toBe(before);
    expect(fullOutputText(view).startsWith(before.slice(0, before.indexOf(String(MAX_CONSOLE_LINES))))).toBe(true);
  });

  it("keeps at most MAX_DROPPED_BYTES of dropped text and says how many lines it did not keep", () => {
    const view = createRunView();
    const line = "x".repeat(1023); // 1 KiB with its newline
    const count = MAX_DROPPED_BYTES / 1024 + MAX_CONSOLE_LINES + 1000;
    printLines(view, count, () => line);
    expect(view.droppedBytes).toBeLessThanOrEqual(MAX_DROPPED_BYTES);
    expect(view.droppedText.length).toBe(MAX_DROPPED_BYTES);
    expect(view.droppedUnkept).toBe(view.droppedLines - MAX_DROPPED_BYTES / 1024);
    expect(view.droppedUnkept).toBeGreaterThan(0);
    const text = fullOutputText(view);
    expect(text).toContain(
      `# ${view.droppedUnkept.toLocaleString("en-US")} lines after the first ${MAX_DROPPED_BYTES} bytes of dropped lines were not kept.`,
    );
    // Kept dropped lines, the note about the rest, then the console's own lines.
    expect(text.split("\n")).toHaveLength(MAX_DROPPED_BYTES / 1024 + 1 + (view.lines.length - 1) + 1);
  });

  it("counts UTF-8 bytes, not characters, against the bound", () => {
    const view = createRunView();
    const line = "é".repeat(511); // 1,022 bytes + newline
    printLines(view, MAX_DROPPED_BYTES / 1023 + MAX_CONSOLE_LINES + 600, () => line);
    expect(view.droppedBytes).toBeLessThanOrEqual(MAX_DROPPED_BYTES);
    expect(view.droppedBytes).toBeGreaterThan(MAX_DROPPED_BYTES - 1023);
    expect(view.droppedText.length).toBe((view.droppedBytes / 1023) * 512);
  });

  it("clearing empties the console, the count and the kept lines", () => {
    const view = createRunView();
    printLines(view, MAX_CONSOLE_LINES + 600);
    clearConsoleLines(view);
    expect(fullOutputText(view)).toBe("\n");
    printLines(view, MAX_CONSOLE_LINES + 600);
    expect(view.droppedLines).toBe(MAX_CONSOLE_LINES + 600 - (view.lines.length - 1));
    expect(consoleText(view.lines.slice(1, 2))).toBe(String(view.droppedLines + 1));
  });
});
