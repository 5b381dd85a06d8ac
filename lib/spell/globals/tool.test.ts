import { describe, expect, it } from "vitest";
import type { JsonValue } from "@/lib/core/json";
import { createHarness, spellFn } from "../test-support";

type Obj = { [k: string]: JsonValue };

describe("Tool", () => {
  it("executes built-in tools by name and alias, traced", async () => {
    const h = createHarness();
    const r = (await h.call("Tool.execute", "calculator", { operation: "evaluate", input: "2 + 2 * 3" })) as Obj;
    expect((r.result as Obj).result).toBe(8);
    const alias = (await h.call("Tool.execute", "text_manipulator", { operation: "uppercase", input: "abc" })) as Obj;
    expect(alias.success).toBe(true);
    expect(h.starts("tool").map((s) => s.name)).toEqual(["calculator", "text-manipulator"]);
    expect(await h.call("Tool.invoke", "calculator", { operation: "evaluate", input: "1" })).toMatchObject({
      success: true,
    });
  });

  it("unknown tool is not_found, bad params raise tool errors, bad argument types raise type errors", async () => {
    const h = createHarness();
    await expect(h.call("Tool.execute", "nope", {})).rejects.toMatchObject({
      kind: "not_found",
      message: "Tool 'nope' not found",
    });
    await expect(h.call("Tool.execute", "calculator", {})).rejects.toMatchObject({ kind: "tool" });
    expect(() => h.api.globals.Tool.functions.execute(["calculator", "2+2"])).toThrow(
      "Tool.execute expects params to be a table, got string",
    );
    expect(() => h.api.globals.Tool.functions.execute([42])).toThrow(
      "Tool.execute expects name to be a string, got number",
    );
  });

  it("a function inside params or a registered tool's schema is a conversion error naming its path; execute callbacks still cross", async () => {
    const h = createHarness({ engine: "javascript" });
    const fn = spellFn(() => null);
    const params = { operation: "evaluate", input: "1", extra: [1, { cb: fn }] };
    expect(() => h.api.globals.Tool.functions.execute(["calculator", params])).toThrow(
      "Tool.execute: params.extra[1].cb is a function, which cannot be passed to a tool (only JSON values can)",
    );
    const calc = h.callSync("Tool.get", "calculator");
    expect(() => h.invokeSync(calc, "execute", params)).toThrow(/^tool:execute: params\.extra\[1\]\.cb is a function/);
    const agent = h.chain(h.callSync("Agent.builder"), ["model", "mock/echo"], ["build"]);
    expect(() => h.invokeSync(agent, "invokeTool", "calculator", params)).toThrow(
      /^agent:invokeTool: params\.extra\[1\]\.cb is a function/,
    );
    expect(() =>
      h.callSync("Tool.register", { name: "t", parameters: { type: "object", default: fn }, execute: fn }),
    ).toThrow(
      "Tool.register: definition.parameters.default is a function, which cannot be part of a JSON Schema (only JSON values can)",
    );
    expect(h.starts("tool")).toEqual([]);
    h.callSync("Tool.register", {
      name: "ok",
      parameters: { type: "object" },
      execute: spellFn(() => ({ success: true, result: 1 })),
    });
    expect(await h.call("Tool.execute", "ok", {})).toMatchObject({ success: true, result: 1 });
  });

  it("list, get (with schema and execute), exists, categories, discover", async () => {
    const h = createHarness();
    const list = h.callSync("Tool.list") as Obj[];
    expect(list.length).toBeGreaterThanOrEqual(5);
    expect(list[0]).toEqual({
      name: expect.any(String),
      description: expect.any(String),
      category: expect.any(String),
      version: "1.0.0",
      tags: expect.any(Array),
    });
    const t = h.callSync("Tool.get", "calculator") as Obj;
    expect(t).toMatchObject({
      $class: "Tool",
      name: "calculator",
      schema: {
        name: "calculator",
        parameters: expect.arrayContaining([expect.objectContaining({ name: "operation", type: "string" })]),
      },
    });
    expect(((await h.invoke(t, "execute", { operation: "evaluate", input: "3*3" })) as Obj).result).toMatchObject({
      result: 9,
    });
    expect(h.invokeSync(t, "getSchema")).toEqual(t.schema);
    expect(h.callSync("Tool.get", "nope")).toBeNull();
    expect(h.callSync("Tool.exists", "hash_calculator")).toBe(true);
    expect(h.callSync("Tool.exists", "nope")).toBe(false);
    const cats = h.callSync("Tool.categories") as string[];
    expect(cats).toContain("utility");
    const util = h.callSync("Tool.discover", { category: "utility" }) as Obj[];
    expect(util.length).toBeGreaterThan(0);
    expect(util.every((x) => x.category === "utility")).toBe(true);
    expect((h.callSync("Tool.discover", { tag: "no-such-tag-anywhere" }) as Obj[]).length).toBe(0);
  });

  it("register: a spell tool is listed, validated against its schema, executed through its function", async () => {
    const h = createHarness();
    const exec = spellFn((p) => ({ success: true, result: { doubled: ((p as Obj).n as number) * 2 } }));
    expect(
      h.callSync("Tool.register", {
        name: "doubler",
        description: "Doubles n",
        category: "math",
        parameters: { type: "object", properties: { n: { type: "number" } }, required: ["n"] },
        execute: exec,
      }),
    ).toBe("doubler");
    expect(((await h.call("Tool.execute", "doubler", { n: 21 })) as Obj).result).toEqual({ doubled: 42 });
    await expect(h.call("Tool.execute", "doubler", {})).rejects.toMatchObject({
      kind: "tool",
      message: "Tool execution failed: doubler: missing required parameter 'n'",
    });
    await expect(h.call("Tool.execute", "doubler", { n: "x" })).rejects.toThrow(/parameter 'n' must be number/);
    expect(h.callSync("Tool.categories")).toContain("math");
    expect((h.callSync("Tool.list") as Obj[]).map((t) => t.name)).toContain("doubler");
    expect(() => h.callSync("Tool.register", { name: "calculator", execute: exec })).toThrow(/already exists/);
    expect(() => h.callSync("Tool.register", { name: "bad name!", execute: exec })).toThrow(
      /name to be a name made of letters/,
    );
    expect(() => h.callSync("Tool.register", { name: "x" })).toThrow(
      "Tool.register expects definition.execute to be a function, got nil",
    );
  });

  it("a registered tool that throws gives a tool error", async () => {
    const h = createHarness();
    h.callSync("Tool.register", {
      name: "boom",
      execute: spellFn(() => {
        throw new Error("kaput");
      }),
    });
    await expect(h.call("Tool.execute", "boom", {})).rejects.toMatchObject({
      kind: "tool",
      message: "Tool execution failed: boom: kaput",
    });
  });
});

describe("trace nesting through script callbacks", () => {
  it("API calls made inside a registered tool's function nest under that tool's span", async () => {
    const h = createHarness();
    let inner: Promise<unknown> | undefined;
    h.callSync("Tool.register", {
      name: "outer",
      execute: spellFn(async () => {
        inner = h.call("Tool.execute", "calculator", { operation: "evaluate", input: "1+1" });
        await inner;
        return { success: true };
      }),
    });
    await h.call("Tool.execute", "outer", {});
    const [outer, calc] = h.starts("tool");
    expect([outer.name, calc.name, calc.parentId]).toEqual(["outer", "calculator", outer.id]);
    await h.call("Tool.execute", "calculator", { operation: "evaluate", input: "1" });
    expect(h.starts("tool")[2].parentId).toBeUndefined();
  });
});
