/**
 * The REPL's history file: one entry line per line, oldest first, appended as lines are entered and read back
 * (newest first, as readline wants it) at start. At most {@link HISTORY_LINES} lines are read.
 */
import { appendFile, readFile } from "node:fs/promises";

export const HISTORY_LINES = 1000;

/** The history, newest first; none when the file does not exist yet or cannot be read. */
export async function readHistory(path: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return [];
  }
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .slice(-HISTORY_LINES)
    .reverse();
}

/** Add one line (a line with a newline in it cannot be one history line: it is skipped). */
export async function appendHistory(path: string, line: string): Promise<void> {
  if (line.includes("\n")) return;
  await appendFile(path, `${line}\n`, { encoding: "utf8", mode: 0o600 });
}
