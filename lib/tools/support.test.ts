import { describe, expect, it } from "vitest";
import { SpellError } from "@/lib/core/errors";
import { BUILTIN_TOOLS, findTool, listTools, toolCategories } from "./index";
import {
  checkParamLimits,
  createParamValidator,
  defineTool,
  OperationError,
  TOOL_LIMITS,
  toModelToolResult,
  toSpellResult,
} from "./support";
import { expectToolError, run } from "./testing";

describe("registry", () => {
  it("has the 14 built-in tools with unique kebab-case names", () => {
    const names = BUILTIN_TOOLS.map((t) => t.name);
    expect(names).toEqual([
      "calculator",
      "text-manipulator",
      "uuid-generator",
      "hash-calculator",
      "base64-encoder",
      "datetime-handler",
      "diff-calculator",
      "data-validator",
      "template-creator",
      "json-processor",
      "csv-analyzer",
      "url-analyzer",
      "graph-builder",
      "citation-formatter",
    ]);
    for (const n of names) expect(n).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("finds tools by name and by underscore alias", () => {
    expect(findTool("text_manipulator")).toBe(findTool("text-manipulator"));
    expect(findTool("json_processor")?.name).toBe("json-processor");
    expect(findTool("nope")).toBeUndefined();
  });

  it("lists fresh arrays and sorted categories", () => {
    const a = listTools();
    a.pop();
    expect(listTools()).toHaveLength(14);
    expect(toolCategories()).toEqual(["data", "utility"]);
  });

  it("gives every tool an object JSON Schema that Ajv compiles, with described properties", async () => {
    for (const t of BUILTIN_TOOLS) {
      expect(t.schema.type).toBe("object");
      const outcome = await createParamValidator(t.schema)({}).then(
        () => undefined,
        (e: unknown) => e,
      );
      if (outcome !== undefined) expect(outcome).toBeInstanceOf(SpellError); // a missing parameter, not a broken schema
      for (const [k, p] of Object.entries(t.schema.properties as Record<string, { description?: string }>)) {
        expect(p.description, `${t.name}.${k}`).toBeTruthy();
      }
      expect(t.description.length).toBeGreaterThan(10);
    }
  });
});

describe("parameter validation", () => {
  const validate = createParamValidator({
    type: "object",
    properties: {
      op: { type: "string", enum: ["a", "b"] },
      n: { type: "integer" },
      o: { type: "object", properties: { x: { type: "string" } } },
    },
    required: ["op"],
  });

  it("names a missing parameter", async () => {
    await expect(validate({})).rejects.toThrow("Tool execution failed: missing required parameter 'op'");
  });

  it("names a wrong enum value", async () => {
    await expect(validate({ op: "c" })).rejects.toThrow("parameter 'op' must be one of: a, b (got \"c\")");
  });

  it("names a wrong type, nested too", async () => {
    await expect(validate({ op: "a", n: "x" })).rejects.toThrow("parameter 'n' must be integer, got string");
    await expect(validate({ op: "a", o: { x: 1 } })).rejects.toThrow("parameter 'o.x' must be string, got integer");
  });

  it("rejects non-object params", async () => {
    await expect(validate([] as never)).rejects.toThrow("parameters must be an object, got array");
  });

  it("raises tool SpellErrors", async () => {
    expect.assertions(2);
    try {
      await validate({});
    } catch (e) {
      expect(e).toBeInstanceOf(SpellError);
      expect((e as SpellError).kind).toBe("tool");
    }
  });

  it("limits the size of a string parameter", () => {
    const big = "x".repeat(TOOL_LIMITS.maxInputChars + 1);
    expect(() => checkParamLimits({ input: big })).toThrow(
      `parameter 'input' is too large (${big.length} characters, limit ${TOOL_LIMITS.maxInputChars})`,
    );
    expect(() => checkParamLimits({ input: "x".repeat(TOOL_LIMITS.maxInputChars) })).not.toThrow();
  });

  it("limits the nesting depth of a parameter", () => {
    let deep: unknown = 1;
    for (let i = 0; i < TOOL_LIMITS.maxParamDepth + 2; i++) deep = [deep];
    expect(() => checkParamLimits({ input: deep as never })).toThrow(/nested deeper than 64 levels/);
  });
});

describe("results", () => {
  it("flattens structured responses with _raw_text and empty metadata", () => {
    const r = toSpellResult({ json: { operation: "x", success: true, result: { a: 1 } } });
    expect(r).toMatchObject({ operation: "x", success: true, result: { a: 1 }, metadata: {} });
    expect(JSON.parse(r._raw_text as string)).toEqual({ operation: "x", success: true, result: { a: 1 } });
  });

  it("sends a model the result without the spell's copies (_raw_text, empty metadata)", () => {
    const r = toSpellResult({ json: { operation: "x", success: true, result: { a: 1 } } });
    expect(toModelToolResult(r)).toEqual({ operation: "x", success: true, result: { a: 1 } });
    const withMeta = toSpellResult({ json: { success: true }, metadata: { rows: 2 } });
    expect(toModelToolResult(withMeta)).toEqual({ success: true, metadata: { rows: 2 } });
    expect(toModelToolResult("plain")).toBe("plain");
    expect(toModelToolResult([1])).toEqual([1]);
  });

  it("gives other JSON as data + text", () => {
    expect(toSpellResult({ json: [1, 2] })).toEqual({ data: [1, 2], text: "[\n  1,\n  2\n]", metadata: {} });
    expect(toSpellResult({ json: { valid: true }, metadata: { operation: "v" } })).toEqual({
      data: { valid: true },
      text: '{\n  "valid": true\n}',
      metadata: { operation: "v" },
    });
  });

  it("gives plain text as text", () => {
    expect(toSpellResult({ text: "a,b\n" })).toEqual({ text: "a,b\n", metadata: {} });
  });

  it("limits the size of a result", () => {
    const big = "x".repeat(TOOL_LIMITS.maxOutputChars);
    expect(() => toSpellResult({ json: { result: big } })).toThrow(/result is too large/);
    expect(() => toSpellResult({ text: `${big}x` })).toThrow(/result is too large/);
    expect(toSpellResult({ text: big }).text).toHaveLength(TOOL_LIMITS.maxOutputChars);
  });

  it("turns OperationError into success=false and other errors into tool errors", async () => {
    const t = defineTool({
      name: "t",
      description: "test tool",
      category: "utility",
      pure: true,
      schema: { type: "object", properties: { mode: { type: "string", description: "m" } } },
      run: (p) => {
        if (p.mode === "op") throw new OperationError("nope");
        if (p.mode === "boom") throw new Error("exploded");
        return { json: { operation: "t", success: true } };
      },
    });
    expect(await run(t, { mode: "op" })).toMatchObject({ success: false, operation: "t", error: { message: "nope" } });
    await expectToolError(run(t, { mode: "boom" }), /exploded/);
    expect(await run(t, {})).toMatchObject({ success: true });
  });

  it("refuses to run once the run is aborted", async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(run(findTool("calculator")!, { input: "1" }, ac.signal)).rejects.toMatchObject({ kind: "cancelled" });
  });
});

describe("no file system, process or network", () => {
  it("no tool module imports Node built-ins or calls fetch, XMLHttpRequest, WebSocket or process", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const dir = join(process.cwd(), "lib/tools");
    const internal = readdirSync(join(dir, "internal"), { recursive: true, encoding: "utf8" });
    const files = [...readdirSync(dir), ...internal.map((f) => `internal/${f}`)].filter(
      (f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "testing.ts",
    );
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const src = readFileSync(join(dir, f), "utf8");
      expect(src, f).not.toMatch(/from "(node:|fs|path|child_process|http|https|net|os)"/);
      expect(src, f).not.toMatch(/\b(fetch|XMLHttpRequest|WebSocket|importScripts)\s*\(/);
      expect(src, f).not.toMatch(/\bprocess\.|\brequire\(|(?<!")\beval\(|new Function\(/);
    }
  });
});
