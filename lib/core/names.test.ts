import { describe, expect, it } from "vitest";
import { describeMissingName, namesOnApi, nearestName } from "./names";

describe("nearestName", () => {
  it("finds a typo's meaning: a swap, a missing or an extra letter, case-blind", () => {
    expect(nearestName("bulder", ["builder", "build", "create"])).toBe("builder");
    expect(nearestName("Agnet", ["Agent", "Tool"])).toBe("Agent");
    expect(nearestName("EXECUTE", ["execute"])).toBe("execute");
  });

  it("suggests nothing far away, nor the name itself", () => {
    expect(nearestName("zzzzzz", ["builder", "create"])).toBeUndefined();
    expect(nearestName("x", ["x"])).toBeUndefined();
    expect(nearestName("foo", ["Hook"], 1)).toBeUndefined();
  });

  it("breaks a tie by name order", () => {
    expect(nearestName("ab", ["ac", "aa"])).toBe("aa");
  });
});

describe("describeMissingName", () => {
  it("words a member, a method and a global", () => {
    expect(
      describeMissingName({ where: "member", owner: "Agent", name: "bulder", use: "call", candidates: ["builder"] }),
    ).toBe("Agent.bulder is not a function (did you mean Agent.builder?)");
    expect(
      describeMissingName({ where: "member", owner: "State", name: "lod", use: "index", candidates: ["load"] }),
    ).toBe("State.lod does not exist (did you mean State.load?)");
    expect(
      describeMissingName({ where: "method", owner: "AgentBuilder", name: "nam", use: "call", candidates: ["name"] }),
    ).toBe("nam is not a method of AgentBuilder (did you mean name?)");
    expect(
      describeMissingName({ where: "member", owner: "Tool", name: "qqqqqq", use: "call", candidates: ["list"] }),
    ).toBe("Tool.qqqqqq is not a function");
    expect(describeMissingName({ where: "global", name: "Agnet", use: "call", candidates: ["Agent"] })).toBe(
      "Agnet is not defined (did you mean Agent?)",
    );
  });

  it("leaves a global with no near name to the engine's words", () => {
    expect(
      describeMissingName({ where: "global", name: "foo", use: "call", candidates: ["Hook", "Tool"] }),
    ).toBeUndefined();
  });
});

describe("namesOnApi", () => {
  it("lists a global's functions and values, and a class's methods", () => {
    const surface = {
      globals: { Hook: { functions: { register: () => null }, values: { Priority: {} } } },
      classes: { HookHandle: { methods: { unregister: () => null } } },
    };
    expect(namesOnApi(surface, "member", "Hook")).toEqual(["register", "Priority"]);
    expect(namesOnApi(surface, "method", "HookHandle")).toEqual(["unregister"]);
    expect(namesOnApi(surface, "member", "Nope")).toEqual([]);
    expect(namesOnApi(undefined, "method", "HookHandle")).toEqual([]);
  });
});
