import { describe, expect, it } from "vitest";
import type { ExecutionResult } from "@/lib/core/events";
import { SPELL_API_REFERENCE } from "@/lib/spell/reference";
import { completeLine } from "./repl-complete";
import { createRepl, entriesAsSpell, isIncompleteJavascript } from "./repl";
import type { RunController, RunRequest } from "./types";

describe("isIncompleteJavascript (acorn's error at the end of the input)", () => {
  it.each(["function f(a) {", "const s = `line", "let a =", "call(1,", "if (x)", "[1, 2,"])("%j goes on", (source) =>
    expect(isIncompleteJavascript(source)).toBe(true),
  );
  it.each(["1 + 1", "await f()", "let a = 1;", "x = = 1", "} extra", "const s = 'unterminated\nnext"])(
    "%j is complete (or wrong, which is not the same)",
    (source) => expect(isIncompleteJavascript(source)).toBe(false),
  );
});

describe("completeLine (from SPELL_API_REFERENCE)", () => {
  const complete = (language: string, line: string) => completeLine(SPELL_API_REFERENCE, language, line);

  it("completes a global's functions, in both languages", () => {
    expect(complete("lua", "local a = Agent.bu")).toEqual({ from: 16, items: ["builder"] });
    expect(complete("javascript", "Agent.bu")).toEqual({ from: 6, items: ["builder"] });
  });

  it("completes globals and keywords from a bare word", () => {
    const { from, items } = complete("lua", "x = Ag");
    expect(from).toBe(4);
    expect(items).toContain("Agent");
    expect(complete("lua", "whi").items).toEqual(["while"]);
    expect(complete("javascript", "awa").items).toEqual(["await"]);
  });

  it("offers the API's methods after a Lua colon or a JavaScript dot on an object", () => {
    expect(complete("lua", "agent:exe").items).toContain("execute");
    expect(complete("javascript", "agent.exe").items).toContain("execute");
    expect(complete("javascript", "agent:exe").items).toEqual([]);
  });

  it("completes dot-commands when given", () => {
    expect(completeLine(SPELL_API_REFERENCE, "lua", ".sa", { commands: [".save", ".help"] })).toEqual({
      from: 0,
      items: [".save"],
    });
  });
});

/** A controller that records requests and answers from a script. */
function scriptedController(answer: (request: RunRequest) => Partial<ExecutionResult>): {
  controller: RunController;
  requests: RunRequest[];
} {
  const requests: RunRequest[] = [];
  const controller: RunController = {
    ready: Promise.resolve(),
    async run(request) {
      requests.push(request);
      return {
        ok: true,
        value: null,
        logs: [],
        stats: { engine: request.engine, durationMs: 0 },
        ...answer(request),
      } as ExecutionResult;
    },
    cancel() {},
    dispose() {},
  };
  return { controller, requests };
}

describe("createRepl", () => {
  it("opens a fresh session with the first entry, then expects it; an incomplete entry waits for more", async () => {
    const { controller, requests } = scriptedController((r) =>
      r.source.endsWith("then")
        ? { ok: false, error: { kind: "syntax", message: "'end' expected near <eof>" }, session: { incomplete: true } }
        : { session: { session: r.session?.fresh ? "opened" : "kept" } },
    );
    const repl = createRepl(controller, { engine: "lua", mockAll: true }, "t");
    expect((await repl.submit("x = 1")).kind).toBe("result");
    expect(await repl.submit("if x then")).toEqual({ kind: "more" });
    expect(repl.pending).toEqual(["if x then"]);
    expect((await repl.submit("  y = 2 end")).kind).toBe("result");
    expect(requests.map((r) => [r.source, r.session])).toEqual([
      ["x = 1", { id: "t", mode: "entry", fresh: true }],
      ["if x then", { id: "t", mode: "entry", fresh: false }],
      ["if x then\n  y = 2 end", { id: "t", mode: "entry", fresh: false }],
    ]);
    expect(repl.entries).toEqual(["x = 1", "if x then\n  y = 2 end"]);
    expect(requests[0].mockAll).toBe(true);
  });

  it("reads JavaScript continuations without a run, and forgets kept entries when the session restarted", async () => {
    let restarted = false;
    const { controller, requests } = scriptedController(() => ({
      session: { session: restarted ? "restarted" : "kept" },
    }));
    const repl = createRepl(controller, { engine: "javascript" }, "t");
    await repl.submit("let a = 1");
    expect(await repl.submit("function f() {")).toEqual({ kind: "more" });
    await repl.submit("}");
    expect(requests.map((r) => r.source)).toEqual(["let a = 1", "function f() {\n}"]);
    restarted = true;
    await repl.submit("a");
    expect(repl.entries).toEqual(["a"]);
    repl.reset({ engine: "lua" });
    await repl.submit("b = 1");
    expect(requests.at(-1)).toMatchObject({ engine: "lua", session: { fresh: true } });
  });

  it("saves Lua expression entries as statements, JavaScript ones as they are", async () => {
    expect(await entriesAsSpell("lua", ["x = 1", "f(x)", "x + 1", "'a', 2"])).toBe(
      "x = 1\n\nf(x)\n\nlocal _ = x + 1\n\nlocal _ = 'a', 2\n",
    );
    expect(await entriesAsSpell("javascript", ["const x = 1", "x + 1"])).toBe("const x = 1\n\nx + 1\n");
    expect(await entriesAsSpell("lua", [])).toBe("");
  });
});
