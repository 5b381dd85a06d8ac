import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import type { JsonValue } from "@/lib/core/json";
import { createSchemaInstance } from "./schema-instance";

const ajv = new Ajv({ strict: false });
addFormats(ajv);

type S = { [key: string]: JsonValue };
const schemas: [string, S][] = [
  ["string", { type: "string" }],
  ["bounded string", { type: "string", minLength: 30, maxLength: 40 }],
  ["short string", { type: "string", maxLength: 3 }],
  ["integer range", { type: "integer", minimum: 5, maximum: 9 }],
  ["exclusive number", { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 1 }],
  ["multipleOf", { type: "integer", minimum: 7, multipleOf: 5 }],
  ["negative max", { type: "number", maximum: -3 }],
  [
    "boolean and null",
    { type: "object", properties: { b: { type: "boolean" }, n: { type: "null" } }, required: ["b", "n"] },
  ],
  ["enum", { enum: ["red", "green"] }],
  ["const", { const: 42 }],
  [
    "formats",
    {
      type: "object",
      properties: {
        e: { type: "string", format: "email" },
        d: { type: "string", format: "date-time" },
        u: { type: "string", format: "uri" },
        id: { type: "string", format: "uuid" },
      },
      required: ["e", "d", "u", "id"],
    },
  ],
  ["pattern", { type: "string", pattern: "^[0-9]+$" }],
  [
    "nested",
    {
      type: "object",
      properties: {
        user: {
          type: "object",
          properties: {
            name: { type: "string" },
            tags: { type: "array", items: { type: "string" }, minItems: 2, uniqueItems: true },
          },
          required: ["name", "tags"],
          additionalProperties: false,
        },
      },
      required: ["user"],
      additionalProperties: false,
    },
  ],
  ["array bounds", { type: "array", items: { type: "integer" }, minItems: 3, maxItems: 3, uniqueItems: true }],
  ["tuple", { type: "array", items: [{ type: "string" }, { type: "number" }], additionalItems: false }],
  ["anyOf", { anyOf: [{ type: "null" }, { type: "object", properties: { a: { type: "integer" } }, required: ["a"] }] }],
  ["oneOf", { oneOf: [{ type: "string", maxLength: 2 }, { type: "integer" }] }],
  [
    "allOf",
    {
      allOf: [
        { type: "object", properties: { a: { type: "string" } }, required: ["a"] },
        { properties: { b: { type: "number" } }, required: ["b"] },
      ],
    },
  ],
  [
    "$ref",
    {
      type: "object",
      properties: { item: { $ref: "#/$defs/item" } },
      required: ["item"],
      $defs: { item: { type: "object", properties: { qty: { type: "integer", minimum: 1 } }, required: ["qty"] } },
    },
  ],
  ["type list", { type: ["null", "integer"], minimum: 3 }],
  ["required without properties", { type: "object", required: ["x"] }],
  [
    "recursive",
    {
      $ref: "#/definitions/node",
      definitions: {
        node: {
          type: "object",
          properties: { children: { type: "array", items: { $ref: "#/definitions/node" }, minItems: 0 } },
        },
      },
    },
  ],
];

describe("createSchemaInstance", () => {
  it.each(schemas)("builds a valid instance for %s", (_name, schema) => {
    const value = createSchemaInstance(schema, { text: "what is 2 + 2 in the sky" });
    const valid = ajv.validate(schema, value);
    expect(ajv.errors ?? [], JSON.stringify(value)).toEqual([]);
    expect(valid).toBe(true);
  });

  it("is deterministic", () => {
    const schema = schemas[12][1];
    expect(createSchemaInstance(schema, { text: "x" })).toEqual(createSchemaInstance(schema, { text: "x" }));
  });

  it("fills free strings with the user's text and expression fields with the arithmetic in it", () => {
    const value = createSchemaInstance(
      { type: "object", properties: { query: { type: "string" }, expression: { type: "string" } } },
      { text: "Please compute (3 + 4) * 2 now" },
    );
    expect(value).toEqual({ query: "Please compute (3 + 4) * 2 now", expression: "(3 + 4) * 2" });
  });
});
