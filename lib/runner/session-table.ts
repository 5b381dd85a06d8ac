/**
 * The sessions a worker keeps, by id (the CLI's REPL has one, the page's prompt one), and the rule that says
 * whether an entry ran in the session it expected: `opened` (a fresh session, as asked), `kept`, `restarted`
 * (the session was gone: the worker was replaced, or an entry broke it) or `lost` (this entry broke it).
 */
import { STOP_MESSAGES } from "@/lib/core/run-guard";
import type { SessionMode } from "@/lib/core/engine";
import type { ExecutionResult, RunEvent, SessionFacts } from "@/lib/core/events";
import { failEarly, toSpellError } from "./run-spell";
import type { EntryDeps, SpellSession } from "./session";
import type { RunRequest } from "./types";

/** Sessions kept at once; opening one more closes the one used least recently. */
export const MAX_SESSIONS = 4;

export interface SessionTable {
  run(
    request: RunRequest,
    session: { id: string; mode: SessionMode; fresh?: boolean },
    deps: EntryDeps,
  ): Promise<ExecutionResult>;
}

export function createSessionTable(opts: {
  open(request: RunRequest, emit: (event: RunEvent) => void): Promise<SpellSession>;
}): SessionTable {
  const sessions = new Map<string, SpellSession>();

  return {
    async run(request, { id, mode, fresh }, deps) {
      let session = sessions.get(id);
      let status: SessionFacts["session"] = "kept";
      if (fresh || !session || !session.alive || session.engine !== request.engine) {
        session?.close();
        sessions.delete(id);
        status = fresh ? "opened" : "restarted";
        if (status === "restarted") {
          deps.emit({ type: "log", level: "warn", text: STOP_MESSAGES.sessionRestarted(), t: 0 });
        }
        try {
          session = await opts.open(request, deps.emit);
        } catch (err) {
          return withStatus(
            failEarly(toSpellError(err, "configuration"), request.engine, () => 0, deps.emit),
            "lost",
          );
        }
        sessions.set(id, session);
        while (sessions.size > MAX_SESSIONS) {
          const [oldest, s] = sessions.entries().next().value!;
          s.close();
          sessions.delete(oldest);
        }
      } else {
        // Most recently used last.
        sessions.delete(id);
        sessions.set(id, session);
      }
      const result = await session.evaluate(request, deps, mode);
      if (result.session?.session === "lost" || !session.alive) {
        session.close();
        sessions.delete(id);
        return withStatus(result, "lost");
      }
      const withNote =
        status === "restarted"
          ? { ...result, logs: [{ level: "warn" as const, text: STOP_MESSAGES.sessionRestarted() }, ...result.logs] }
          : result;
      return withStatus(withNote, status);
    },
  };
}

function withStatus(result: ExecutionResult, status: SessionFacts["session"]): ExecutionResult {
  return { ...result, session: { ...result.session, session: status } };
}
