/**
 * The worker's half of a debug run from the page: a {@link DebugSession} whose client posts each pause to the
 * controller and waits for the `debug` action that resumes it, and answers inspections (scopes, variables,
 * evaluate) against the paused run while it waits.
 */
import { DebugSession, type DebugAction, type DebugInspector } from "@/lib/core/debug";
import type { Breakpoint } from "@/lib/core/debug";
import type { DebugCommand, DebugEvent, InspectRequest } from "./protocol";

export interface WorkerDebugBridge {
  session: DebugSession;
  /** A `debug` command from the controller for this run. */
  onCommand(command: DebugCommand): void;
  /** The run ended: release a pause still waiting. */
  close(): void;
}

export function createWorkerDebugBridge(
  post: (event: DebugEvent) => void,
  opts: { breakpoints: Breakpoint[]; pauseAtStart?: boolean },
): WorkerDebugBridge {
  let inspector: DebugInspector | null = null;
  let resume: ((action: DebugAction) => void) | null = null;
  const session = new DebugSession(
    {
      paused(pause, ins) {
        inspector = ins;
        post({ kind: "paused", pause });
        return new Promise<DebugAction>((resolve) => {
          resume = (action) => {
            inspector = null;
            resume = null;
            post({ kind: "resumed" });
            resolve(action);
          };
        });
      },
    },
    opts.breakpoints,
  );
  if (opts.pauseAtStart) session.requestPause();

  const inspect = (request: InspectRequest): unknown => {
    if (!inspector) return { error: "the run is not paused" };
    switch (request.op) {
      case "scopes":
        return inspector.scopes(request.frameId);
      case "variables":
        return inspector.variables(request.ref);
      case "evaluate":
        return inspector.evaluate(request.expression, request.frameId);
    }
  };

  return {
    session,
    onCommand(command) {
      switch (command.kind) {
        case "action":
          if (resume) resume(command.action);
          else if (command.action === "stop") session.requestStop();
          return;
        case "breakpoints":
          session.setBreakpoints(command.breakpoints);
          return;
        case "pause":
          session.requestPause();
          return;
        case "inspect": {
          let result: unknown;
          try {
            result = inspect(command.request);
          } catch (err) {
            result = { error: err instanceof Error ? err.message : String(err) };
          }
          post({ kind: "inspected", req: command.req, result });
          return;
        }
      }
    },
    close() {
      resume?.("stop");
    },
  };
}
