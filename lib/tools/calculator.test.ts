import { beforeAll, describe, expect, it } from "vitest";
import {
  CALCULATOR_LIMITS,
  cachedExpressionCount,
  calculator,
  evaluateExpression,
  loadExpressionParser,
  PARSE_CACHE_SIZE,
} from "./calculator";
import { expectToolError, run } from "./testing";

beforeAll(loadExpressionParser);

const ev = (input: string, variables: Record<string, number> = {}) => evaluateExpression(input, variables);

describe("calculator evaluate", () => {
  it("evaluates with the rs result shape", async () => {
    const r = await run(calculator, { operation: "evaluate", input: "2 + 2 * 3" });
    expect(r.success).toBe(true);
    expect(r.operation).toBe("evaluate");
    expect(r.result).toEqual({ input: "2 + 2 * 3", result: 8, result_type: "float", variables: {} });
    expect(r.resource_usage).toMatchObject({ operations_count: 1 });
    expect(r.message).toBe("Expression evaluated successfully");
  });

  it("defaults to evaluate", async () => {
    expect((await run(calculator, { input: "2+3*4" })).result.result).toBe(14);
  });

  it("uses fasteval syntax", () => {
    expect(ev("2^10")).toBe(1024);
    expect(ev("7 % 3")).toBe(1);
    expect(ev("log(10, 1000)")).toBeCloseTo(3);
    expect(ev("log(100)")).toBeCloseTo(2);
    expect(ev("ln(e())")).toBe(1);
    expect(ev("sin(pi()/2) + cos(0)")).toBe(2);
    expect(ev("sqrt(16) + exp(0) + abs(-3) + sign(-2)")).toBe(7);
    expect(ev("int(-2.7) + ceil(1.2) + floor(1.8) + round(2.5)")).toBe(-2 + 2 + 1 + 3);
    expect(ev("round(0.5, 1.26)")).toBe(1.5);
    expect(ev("min(3, 1, 2) + max(3, 1, 2)")).toBe(4);
    expect(ev("(1 < 2) + (2 <= 2) + (3 == 3) + (3 != 3) + (1 > 2) + (2 >= 1)")).toBe(4);
    expect(ev("1 && 0")).toBe(0);
    expect(ev("0 || 5")).toBe(5);
    expect(ev("!0 + !5")).toBe(1);
    expect(ev("asinh(0) + atanh(0) + tanh(0)")).toBe(0);
  });

  it("uses variables", async () => {
    const r = await run(calculator, { input: "sqrt(x^2 + y^2)", variables: { x: 3, y: 4 } });
    expect(r.result.result).toBe(5);
    expect(r.result.variables).toEqual({ x: 3, y: 4 });
  });

  it("reports Infinity and NaN as strings with result_type special", async () => {
    expect((await run(calculator, { input: "1/0" })).result).toMatchObject({
      result: "Infinity",
      result_type: "special",
    });
    expect((await run(calculator, { input: "-1/0" })).result.result).toBe("-Infinity");
    expect((await run(calculator, { input: "sqrt(-1)" })).result.result).toBe("NaN");
  });

  it("returns success=false for a bad expression, an unknown function or variable", async () => {
    for (const input of ["2 +", "foo(1)", "x + 1", "1 +* 2"]) {
      const r = await run(calculator, { input });
      expect(r.success, input).toBe(false);
      expect(r.operation).toBe("evaluate");
      expect(r.error.message).toBeTruthy();
    }
    expect((await run(calculator, { input: "x + 1" })).error.message).toBe("Undefined variable: x");
  });

  it("is sandboxed: no assignment, functions, strings, matrices, objects or units", async () => {
    for (const input of [
      "a = 1",
      "f(x) = x",
      '"abc"',
      "[1, 2]",
      "{a: 1}",
      "5 cm to inch",
      "import(1)",
      'evaluate("1")',
      "x.y",
      "1 ? 2 : 3",
      "cos",
    ]) {
      const r = await run(calculator, { input });
      expect(r.success, input).toBe(false);
    }
  });

  it("limits expression length, nesting and operations", async () => {
    const long = "1+".repeat(CALCULATOR_LIMITS.maxLength) + "1";
    expect((await run(calculator, { input: long })).error.message).toMatch(/Expression too complex: Expression length/);
    const deep = "(".repeat(30) + "1" + ")".repeat(30);
    expect((await run(calculator, { input: deep })).error.message).toMatch(/nesting deeper than 20/);
    const max64 = `max(${Array.from({ length: 64 }, () => "1").join(",")})`;
    const many = [max64, max64, max64, max64].join(" + ");
    expect((await run(calculator, { input: `${max64} + ${max64}` })).result.result).toBe(2);
    expect((await run(calculator, { input: many })).error.message).toMatch(/more than 100 operations/);
    const vars = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`v${i}`, i]));
    expect((await run(calculator, { input: "1", variables: vars })).error.message).toMatch(/more than 50 variables/);
  });

  it("raises for a missing input or a wrong parameter type", async () => {
    await expectToolError(run(calculator, {}), /missing required parameter 'input'/);
    await expectToolError(run(calculator, { input: 5 }), /parameter 'input' must be string/);
    await expectToolError(
      run(calculator, { input: "1", variables: { x: "a" } }),
      /parameter 'variables.x' must be number/,
    );
    await expectToolError(
      run(calculator, { operation: "solve", input: "1" }),
      /parameter 'operation' must be one of: evaluate, validate, functions/,
    );
  });
});

describe("calculator parse cache", () => {
  it("reuses parsed expressions and never holds more than its size", () => {
    for (let i = 0; i < PARSE_CACHE_SIZE + 50; i++) expect(ev(`${i} + 1`)).toBe(i + 1);
    expect(cachedExpressionCount()).toBe(PARSE_CACHE_SIZE);
    expect(ev("x * 2", { x: 4 })).toBe(8);
    expect(ev("x * 2", { x: 5 })).toBe(10); // a cached tree with new variables
  });
});

describe("calculator validate and functions", () => {
  it("validates", async () => {
    expect((await run(calculator, { operation: "validate", input: "1 + 2" })).result).toEqual({
      input: "1 + 2",
      valid: true,
    });
    const bad = await run(calculator, { operation: "validate", input: "1 +" });
    expect(bad.success).toBe(true);
    expect(bad.result.valid).toBe(false);
    expect(bad.result.error).toMatch(/Parse error/);
  });

  it("lists functions", async () => {
    const r = await run(calculator, { operation: "functions" });
    expect(r.result.constants).toEqual(["pi()", "e()"]);
    expect(r.result.logical).toEqual(["&&", "||", "!"]);
  });
});
