/** The run-status line of the output panel, as a pure function of the run's state (tested beside it). */
import { formatCost, formatMs } from "@/components/trace/TracePanel";

export interface RunStatusFacts {
  status: "idle" | "running" | "done" | "failed" | "cancelled";
  engine: "warming" | "ready" | "failed" | string;
  engineError?: string | null;
  elapsedMs: number;
  tokens: { input: number; output: number; live: number };
  costUsd?: number;
}

export function describeRunStatus(f: RunStatusFacts): string {
  const tokens = f.tokens.input + f.tokens.output + f.tokens.live;
  switch (f.status) {
    case "running":
      return `Running ${formatMs(f.elapsedMs)} · ${tokens} tokens`;
    case "done":
      return `Done in ${formatMs(f.elapsedMs)}${tokens ? ` · ${tokens} tokens` : ""}${f.costUsd !== undefined ? ` · ${formatCost(f.costUsd)}` : ""}`;
    case "failed":
      return `Failed after ${formatMs(f.elapsedMs)}`;
    case "cancelled":
      return `Stopped after ${formatMs(f.elapsedMs)}`;
    default:
      if (f.engine === "warming") return "Starting the engine…";
      if (f.engine === "failed") return `Engine failed: ${f.engineError ?? "unknown error"}`;
      return "Ready";
  }
}
