import { describe, expect, it } from "vitest";
import type { ExecutionResult, RunEvent } from "@/lib/core/events";
import type { SpellSession } from "./session";
import { createSessionTable, MAX_SESSIONS } from "./session-table";

function fakeSession(engine: string, log: string[], name: string): SpellSession {
  let alive = true;
  return {
    engine,
    get alive() {
      return alive;
    },
    async evaluate(request): Promise<ExecutionResult> {
      if (request.source === "break") {
        alive = false;
        return {
          ok: false,
          error: { kind: "memory", message: "gone" },
          logs: [],
          stats: { engine, durationMs: 0 },
          session: { session: "lost" },
        };
      }
      return { ok: true, value: name, logs: [], stats: { engine, durationMs: 0 } };
    },
    close() {
      alive = false;
      log.push(`close ${name}`);
    },
  };
}

describe("the worker's session table", () => {
  const events: RunEvent[] = [];
  const deps = { emit: (e: RunEvent) => events.push(e) };

  it("opens, keeps, restarts after a lost session, and says which", async () => {
    const log: string[] = [];
    let opened = 0;
    const table = createSessionTable({ open: async (r) => fakeSession(r.engine, log, `s${++opened}`) });
    const run = (source: string, fresh?: boolean) =>
      table.run({ engine: "lua", source }, { id: "a", mode: "entry", fresh }, deps);
    expect(await run("1", true)).toMatchObject({ value: "s1", session: { session: "opened" } });
    expect(await run("2")).toMatchObject({ value: "s1", session: { session: "kept" } });
    expect(await run("break")).toMatchObject({ ok: false, session: { session: "lost" } });
    const next = await run("3");
    expect(next).toMatchObject({ value: "s2", session: { session: "restarted" } });
    expect(next.logs[0].text).toMatch(/^session restarted/);
    expect(events.some((e) => e.type === "log" && /^session restarted/.test(e.text))).toBe(true);
    // A different engine under the same id is a new session.
    expect(await table.run({ engine: "javascript", source: "4" }, { id: "a", mode: "entry" }, deps)).toMatchObject({
      value: "s3",
    });
  });

  it(`keeps at most ${MAX_SESSIONS} sessions, closing the one used least recently`, async () => {
    const log: string[] = [];
    const table = createSessionTable({ open: async (r) => fakeSession(r.engine, log, r.source) });
    for (let i = 0; i <= MAX_SESSIONS; i++) {
      await table.run({ engine: "lua", source: `s${i}` }, { id: `id${i}`, mode: "entry", fresh: true }, deps);
      if (i === 1) await table.run({ engine: "lua", source: "again" }, { id: "id0", mode: "entry" }, deps);
    }
    expect(log).toEqual(["close s1"]);
  });
});
