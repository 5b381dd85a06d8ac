import { describe, expect, it } from "vitest";
import { dataValidator, MAX_VALIDATION_ERRORS } from "./data-validator";
import { REGEX_LIMITS } from "./internal/safe-regex";
import { expectToolError, run } from "./testing";

const validate = async (input: unknown, rules: unknown[]) =>
  (await run(dataValidator, { input, rules: { rules } })).result;

describe("data-validator rules", () => {
  it("passes valid data with rs's shape", async () => {
    const r = await run(dataValidator, {
      input: "hello",
      rules: {
        rules: [{ type: "required" }, { type: "type", expected: "string" }, { type: "length", min: 3, max: 10 }],
      },
    });
    expect(r).toMatchObject({
      success: true,
      operation: "validate_data",
      message: "Data validation passed",
      result: { valid: true, errors: [] },
    });
  });

  it("checks every rule type", async () => {
    const msg = async (input: unknown, rule: object) =>
      (await validate(input, [rule])).errors.map((e: { message: string }) => e.message);
    expect(await msg("", { type: "required" })).toEqual(["Validation error: input is required"]);
    expect(await msg(5, { type: "type", expected: "string" })).toEqual([
      "Validation error: Expected type 'string', got 'number'",
    ]);
    expect(await msg("ab", { type: "length", min: 3 })).toEqual(["Validation error: Length must be at least 3"]);
    expect(await msg([1, 2, 3], { type: "length", max: 2 })).toEqual([
      "Validation error: Array must have at most 2 items",
    ]);
    expect(await msg(200, { type: "range", min: 0, max: 150 })).toEqual([
      "Validation error: Value must be at most 150",
    ]);
    expect(await msg("abc", { type: "pattern", regex: "^\\d+$" })).toEqual([
      "Validation error: Value does not match pattern: ^\\d+$",
    ]);
    expect(await msg("x", { type: "enum", values: ["a", "b"] })).toEqual([
      'Validation error: Value must be one of: ["a","b"]',
    ]);
    expect(await msg("not-an-email", { type: "email" })).toEqual(["Validation error: Invalid email format"]);
    expect(await msg("a@b.co", { type: "email" })).toEqual([]);
    expect(await msg("not a url", { type: "url" })).toEqual(["Validation error: Invalid URL format"]);
    expect(await msg("2024-13-01", { type: "date", format: "%Y-%m-%d" })).toEqual([
      "Validation error: Invalid date format. Expected: %Y-%m-%d",
    ]);
    expect(await msg("2024-12-01", { type: "date", format: "%Y-%m-%d" })).toEqual([]);
    expect(await msg("+14155552671", { type: "custom", name: "phone" })).toEqual([]);
    expect(await msg("4111 1111 1111 1112", { type: "custom", name: "credit_card" })).toEqual([
      "Validation error: Invalid credit card number",
    ]);
    expect(await msg("4111 1111 1111 1111", { type: "custom", name: "credit_card" })).toEqual([]);
    expect(await msg("x", { type: "custom", name: "uuid" })).toEqual(["Validation error: Invalid UUID format"]);
    expect(await msg("x", { type: "custom", name: "zip" })).toEqual([
      "Validation error: Unknown custom validator: zip",
    ]);
    expect(await msg([1, 1], { type: "array", unique: true })).toEqual([
      "Validation error: Array items must be unique",
    ]);
  });

  it("validates nested arrays and objects with field paths", async () => {
    const r = await validate({ name: "x", tags: ["ok", 5], extra: 1 }, [
      {
        type: "object",
        required: ["name"],
        properties: {
          name: { rules: [{ type: "length", min: 2 }] },
          tags: {
            rules: [{ type: "array", min_items: 1, item_rules: { rules: [{ type: "type", expected: "string" }] } }],
          },
        },
      },
    ]);
    expect(r.valid).toBe(false);
    expect(r.errors.map((e: { field: string }) => e.field)).toEqual(["input.name", "input.tags[1]"]);
    expect(r.errors[0]).toMatchObject({ value: "x", rule: "Length { min: 2 }" });
    const strict = await validate({ a: 1, b: 2 }, [
      { type: "object", properties: { a: { rules: [] } }, additional_properties: false },
    ]);
    expect(strict.errors[0].message).toBe("Validation error: Additional property not allowed: b");
    const missing = await validate({}, [{ type: "object", required: ["id"] }]);
    expect(missing.errors[0].message).toBe("Validation error: Missing required field: id");
  });

  it("caps the number of errors", async () => {
    const r = await validate(
      Array.from({ length: 300 }, () => 1),
      [{ type: "array", item_rules: { rules: [{ type: "type", expected: "string" }] } }],
    );
    expect(r.errors).toHaveLength(MAX_VALIDATION_ERRORS);
  });

  it("refuses patterns that could backtrack forever, and oversized subjects", async () => {
    const r = await validate("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", [{ type: "pattern", regex: "^(a+)+$" }]);
    expect(r.errors[0].message).toMatch(/Invalid regex pattern: pattern has a nested quantifier/);
    const long = await validate("a".repeat(REGEX_LIMITS.maxSubjectLength + 1), [{ type: "pattern", regex: "^a+$" }]);
    expect(long.errors[0].message).toMatch(/too long for pattern matching/);
  });

  it("raises for missing or malformed rules", async () => {
    await expectToolError(run(dataValidator, { rules: { rules: [] } }), /missing required parameter 'input'/);
    await expectToolError(run(dataValidator, { input: 1 }), /Missing 'rules' parameter/);
    await expectToolError(
      run(dataValidator, { input: 1, rules: { rules: [{ type: "shape" }] } }),
      /unknown variant 'shape'/,
    );
    await expectToolError(
      run(dataValidator, { input: 1, rules: { rules: [{ type: "pattern" }] } }),
      /'rules.rules\[0\].regex' must be string/,
    );
    await expectToolError(run(dataValidator, { input: 1, rules: {} }), /missing required parameter 'rules.rules'/);
  });
});

describe("data-validator JSON Schema", () => {
  it("validates against a JSON Schema with Ajv", async () => {
    const schema = {
      type: "object",
      properties: { age: { type: "integer", minimum: 0 }, email: { type: "string", format: "email" } },
      required: ["age"],
    };
    expect((await run(dataValidator, { input: { age: 3, email: "a@b.co" }, schema })).result).toEqual({
      valid: true,
      errors: [],
    });
    const bad = await run(dataValidator, { input: { age: -1, email: "nope" }, schema });
    expect(bad.result.valid).toBe(false);
    expect(bad.result.errors[0]).toMatchObject({
      field: "input.age",
      value: -1,
      rule: "schema:minimum",
      message: "must be >= 0",
    });
  });

  it("raises for an invalid or unsafe schema", async () => {
    await expectToolError(run(dataValidator, { input: 1, schema: { type: "wat" } }), /not a valid JSON Schema/);
    await expectToolError(
      run(dataValidator, { input: "a", schema: { type: "string", pattern: "(a*)*b" } }),
      /unsafe pattern/,
    );
  });
});
