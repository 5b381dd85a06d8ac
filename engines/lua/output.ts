/**
 * What a Lua spell prints, as log events: `print` lines, `warn`, and `io.write`, which is line-buffered (each
 * complete line is one event; `print` continues a line `io.write` left open, as a terminal shows it).
 */
import type { RunOutput } from "../../lib/core/run-output";

export class LuaOutput {
  /** What `io.write` wrote after the last newline. */
  private partialLine = "";

  constructor(
    private readonly output: RunOutput,
    private readonly maxOutputBytes: number,
  ) {}

  /** One call of the prelude's output function: `write` (io.write), `warn`, or anything else for `print`. */
  emit(level: string, text: string): void {
    if (level === "write") this.write(text);
    else if (level === "warn") {
      this.flush();
      this.output.log("warn", text);
    } else {
      // print continues a line io.write left open, as a terminal shows it.
      const line = this.partialLine + text;
      this.partialLine = "";
      this.output.log("log", line);
    }
  }

  /** Text from `io.write`: each complete line becomes one `log` event; the rest waits for its newline. */
  private write(text: string): void {
    if (this.output.truncated) return;
    let nl = text.indexOf("\n");
    if (nl === -1) {
      this.partialLine += text; // streaming chunks: no rescan of what is already buffered
    } else {
      this.output.log("log", this.partialLine + text.slice(0, nl));
      let from = nl + 1;
      while ((nl = text.indexOf("\n", from)) !== -1) {
        this.output.log("log", text.slice(from, nl));
        from = nl + 1;
      }
      this.partialLine = text.slice(from);
    }
    // A line that never ends still counts against the output cap (and the buffer stays bounded).
    if (this.partialLine.length >= this.maxOutputBytes) this.flush();
  }

  /** Log the partial line `io.write` left open (at the end of the run, before a warning). */
  flush(): void {
    if (this.partialLine === "") return;
    const line = this.partialLine;
    this.partialLine = "";
    this.output.log("log", line);
  }
}
