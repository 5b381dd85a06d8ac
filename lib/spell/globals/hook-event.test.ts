import { describe, expect, it } from "vitest";
import { SpellError } from "@/lib/core/errors";
import { type JsonValue } from "@/lib/core/json";
import { createHarness, spellFn } from "../test-support";

type Obj = { [k: string]: JsonValue };
const calcParams = { operation: "evaluate", input: "2+3" };

describe("Hook", () => {
  it("calls callbacks with {point, component, data} at tool points, in priority order, traced as hooks", async () => {
    const h = createHarness();
    const order: string[] = [];
    h.callSync(
      "Hook.register",
      "BeforeToolExecution",
      spellFn(() => void order.push("low")),
      "low",
    );
    h.callSync(
      "Hook.register",
      "BeforeToolExecution",
      spellFn(() => void order.push("highest")),
      "highest",
    );
    const after = spellFn(() => "continue");
    h.callSync("Hook.register", "AfterToolExecution", after);
    await h.call("Tool.execute", "calculator", calcParams);
    expect(order).toEqual(["highest", "low"]);
    expect(after.calls[0][0]).toMatchObject({
      point: "AfterToolExecution",
      component: { type: "tool", name: "calculator" },
      data: { params: calcParams, result: { success: true } },
    });
    const toolSpan = h.starts("tool")[0];
    expect(h.starts("hook").map((s) => [s.name, s.parentId])).toEqual([
      ["BeforeToolExecution", toolSpan.id],
      ["BeforeToolExecution", toolSpan.id],
      ["AfterToolExecution", toolSpan.id],
    ]);
  });

  it("skip, modified and cancel are honoured", async () => {
    const h = createHarness();
    const hk = h.callSync(
      "Hook.register",
      "BeforeToolExecution",
      spellFn(() => "skip"),
    );
    expect(await h.call("Tool.execute", "calculator", calcParams)).toMatchObject({ success: false, skipped: true });
    await h.invoke(hk, "unregister");
    h.callSync(
      "Hook.register",
      "BeforeToolExecution",
      spellFn(() => ({ type: "modified", data: { params: { operation: "evaluate", input: "10*10" } } })),
    );
    expect(((await h.call("Tool.execute", "calculator", calcParams)) as Obj).result).toMatchObject({ result: 100 });
    h.callSync(
      "Hook.register",
      "AfterToolExecution",
      spellFn(() => ({ type: "modified", data: { result: "replaced" } })),
    );
    expect(await h.call("Tool.execute", "calculator", calcParams)).toBe("replaced");
    h.callSync(
      "Hook.register",
      "BeforeToolExecution",
      spellFn(() => ({ type: "cancel", reason: "not today" })),
      "highest",
    );
    await expect(h.call("Tool.execute", "calculator", calcParams)).rejects.toMatchObject({
      kind: "api",
      message: "BeforeToolExecution hook cancelled tool 'calculator': not today",
    });
  });

  it("agent hooks: BeforeAgentExecution modifies the input, AfterAgentExecution sees the output", async () => {
    const h = createHarness();
    h.callSync(
      "Hook.register",
      "BeforeAgentExecution",
      spellFn(() => ({ type: "modified", data: { input: { text: "rewritten" } } })),
    );
    const after = spellFn(() => undefined);
    h.callSync("Hook.register", "AfterAgentExecution", after);
    const a = h.chain(h.callSync("Agent.builder"), ["name", "e"], ["model", "mock/echo"], ["build"]);
    expect(((await h.invoke(a, "execute", "original")) as Obj).text).toBe("rewritten");
    expect(((after.calls[0][0] as Obj).data as Obj).output).toMatchObject({ text: "rewritten" });
  });

  it("a hook that throws fails the operation with a catchable error naming the hook", async () => {
    const h = createHarness();
    h.callSync(
      "Hook.register",
      "BeforeToolExecution",
      spellFn(() => {
        throw new SpellError("runtime", "oops");
      }),
    );
    await expect(h.call("Tool.execute", "calculator", calcParams)).rejects.toMatchObject({
      kind: "runtime",
      message: "hook hook_1 at BeforeToolExecution failed: oops",
    });
  });

  it("ToolError fires when a tool fails", async () => {
    const h = createHarness();
    const seen = spellFn(() => undefined);
    h.callSync("Hook.register", "ToolError", seen);
    await expect(h.call("Tool.execute", "calculator", {})).rejects.toMatchObject({ kind: "tool" });
    expect(seen.calls).toHaveLength(1);
  });

  it("validates points and priorities; list, id, hook_point, unregister", async () => {
    const h = createHarness();
    expect(() =>
      h.callSync(
        "Hook.register",
        "BeforeLunch",
        spellFn(() => undefined),
      ),
    ).toThrow(/unknown hook point "BeforeLunch"/);
    expect(() =>
      h.callSync(
        "Hook.register",
        "BeforeLunch",
        spellFn(() => undefined),
      ),
    ).toThrow(expect.objectContaining({ kind: "not_found" }));
    expect(() => h.callSync("Hook.register", "ToolError", "not a function")).toThrow(
      "Hook.register expects callback to be a function, got string",
    );
    expect(() =>
      h.callSync(
        "Hook.register",
        "ToolError",
        spellFn(() => undefined),
        "urgent",
      ),
    ).toThrow(/priority to be one of "highest"/);
    const a = h.callSync(
      "Hook.register",
      "ToolError",
      spellFn(() => undefined),
      "high",
    );
    h.callSync(
      "Hook.register",
      "AgentError",
      spellFn(() => undefined),
    );
    expect(h.invokeSync(a, "id")).toBe("hook_1");
    expect(h.invokeSync(a, "hook_point")).toBe("ToolError");
    expect((h.callSync("Hook.list") as Obj[]).length).toBe(2);
    expect((h.callSync("Hook.list", { priority: "high" }) as Obj[]).map((x) => x.hook_point)).toEqual(["ToolError"]);
    expect((h.callSync("Hook.list", "AgentError") as Obj[]).length).toBe(1);
    expect(h.callSync("Hook.unregister", a)).toBe(true);
    expect(h.invokeSync(a, "unregister")).toBe(false);
    expect((h.callSync("Hook.list") as Obj[]).length).toBe(1);
    expect(h.api.globals.Hook.values?.Priority).toMatchObject({ HIGH: "high" });
  });

  it("an unknown result type is a type error", async () => {
    const h = createHarness();
    h.callSync(
      "Hook.register",
      "BeforeToolExecution",
      spellFn(() => ({ type: "teleport" })),
    );
    await expect(h.call("Tool.execute", "calculator", calcParams)).rejects.toThrow(/unknown result type "teleport"/);
  });
});

describe("Event", () => {
  it("publishes to glob subscriptions; receive returns queued events in order, nil on timeout", async () => {
    const h = createHarness();
    const sub = h.callSync("Event.subscribe", "user.*") as string;
    const other = h.callSync("Event.subscribe", "order.?") as string;
    expect(h.callSync("Event.publish", "user.login", { id: 1 })).toBe(true);
    h.callSync("Event.publish", "user.logout.now", { id: 2 });
    h.callSync("Event.publish", "order.12", {});
    const e1 = (await h.call("Event.receive", sub, 100)) as Obj;
    expect(e1).toMatchObject({ event_type: "user.login", data: { id: 1 }, sequence: 1, language: "lua" });
    expect(((await h.call("Event.receive", sub, 100)) as Obj).event_type).toBe("user.logout.now");
    expect(await h.call("Event.receive", sub, 20)).toBeNull();
    expect(await h.call("Event.receive", other, 0)).toBeNull();
    expect(h.starts("event").map((s) => s.name)).toEqual(["user.login", "user.logout.now", "order.12"]);
  });

  it("publish refuses a function inside the data, naming its path; nothing is delivered", async () => {
    const h = createHarness({ engine: "lua" });
    const sub = h.callSync("Event.subscribe", "user.*");
    expect(() => h.callSync("Event.publish", "user.x", { list: [1, { f: spellFn(() => null) }] })).toThrow(
      "Event.publish: data.list[2].f is a function, which cannot be published (only JSON values can)",
    );
    expect(await h.call("Event.receive", sub, 10)).toBeNull();
  });

  it("receive waits for an event published later", async () => {
    const h = createHarness();
    const sub = h.callSync("Event.subscribe", "tick") as string;
    const p = h.call("Event.receive", sub, 1000);
    setTimeout(() => h.callSync("Event.publish", "tick", 7), 20);
    expect(await p).toMatchObject({ data: 7 });
  });

  it("unsubscribe, unknown ids, stats, and the queue cap", async () => {
    const h = createHarness();
    const sub = h.callSync("Event.subscribe", "*") as string;
    for (let i = 0; i < 1005; i++) h.callSync("Event.publish", "e", i);
    expect(((await h.call("Event.receive", sub, 0)) as Obj).data).toBe(5);
    expect((h.callSync("Event.get_stats") as Obj).bridge_stats).toMatchObject({ dropped: 5 });
    expect(h.callSync("Event.list_subscriptions")).toEqual([{ id: sub, pattern: "*", language: "lua", queued: 999 }]);
    expect(h.callSync("Event.unsubscribe", sub)).toBe(true);
    expect(h.callSync("Event.unsubscribe", sub)).toBe(false);
    await expect(h.call("Event.receive", sub, 0)).rejects.toMatchObject({ kind: "not_found" });
  });

  it("receive is cancelled with the run", async () => {
    const ctrl = new AbortController();
    const h = createHarness({ signal: ctrl.signal });
    const sub = h.callSync("Event.subscribe", "x") as string;
    const p = h.call("Event.receive", sub, 5000);
    setTimeout(() => ctrl.abort(), 10);
    await expect(p).rejects.toMatchObject({ kind: "cancelled" });
  });
});
