/**
 * Blocking line reads from a file descriptor (stdin for `llmspell debug`): the debugger's client answers a pause
 * synchronously, so it reads with `readSync` rather than a stream. Works for pipes, files and terminals.
 */
import { readSync } from "node:fs";

export function createLineReader(fd = 0): () => string | null {
  const decoder = new TextDecoder();
  const buf = new Uint8Array(4096);
  let pending = "";
  let ended = false;
  return () => {
    for (;;) {
      const nl = pending.indexOf("\n");
      if (nl !== -1) {
        const line = pending.slice(0, nl).replace(/\r$/, "");
        pending = pending.slice(nl + 1);
        return line;
      }
      if (ended) {
        if (!pending) return null;
        const line = pending;
        pending = "";
        return line;
      }
      let n: number;
      try {
        n = readSync(fd, buf, 0, buf.length, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "EAGAIN") continue;
        if ((e as NodeJS.ErrnoException).code === "EOF") n = 0;
        else throw e;
      }
      if (n === 0) ended = true;
      else pending += decoder.decode(buf.subarray(0, n), { stream: true });
    }
  };
}
