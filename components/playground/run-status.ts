/** The run-status line of the output panel, as a pure function of the run's state (tested beside it). */
import { formatCost, formatMs } from "@/components/trace/TracePanel";

export interface RunStatusFacts {
  status: "idle" | "running" | "done" | "failed" | "cancelled";
  engine: "warming" | "ready" | "failed" | string;
  engineError?: string | null;
  /** The page's clock since Run (shown while running). */
  elapsedMs: number;
  /**
   * The run's own wall-clock time from its stats, the Result panel's "wall". Once the run has ended the status
   * shows this one, so the header and Result never give two numbers for one run (the page's clock also counts
   * handing the spell to the worker).
   */
  runMs?: number;
  tokens: { input: number; output: number; live: number };
  costUsd?: number;
}

export function describeRunStatus(f: RunStatusFacts): string {
  const tokens = f.tokens.input + f.tokens.output + f.tokens.live;
  const took = formatMs(f.runMs ?? f.elapsedMs);
  switch (f.status) {
    case "running":
      return `Running ${formatMs(f.elapsedMs)} · ${tokens} tokens`;
    case "done":
      return `Done in ${took}${tokens ? ` · ${tokens} tokens` : ""}${f.costUsd !== undefined ? ` · ${formatCost(f.costUsd)}` : ""}`;
    case "failed":
      return `Failed after ${took}`;
    case "cancelled":
      return `Stopped after ${took}`;
    default:
      if (f.engine === "warming") return "Starting the engine…";
      if (f.engine === "failed") return `Engine failed: ${f.engineError ?? "unknown error"}`;
      return "Ready";
  }
}
