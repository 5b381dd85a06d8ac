/**
 * Compiling a JSON Schema that a spell hands to a tool (data-validator's `schema`, json-processor's
 * `validate`), in one place: patterns that could backtrack forever are refused (see internal/safe-regex.ts),
 * `$id`/`$schema` are dropped so one shared Ajv neither clashes on ids nor switches dialects, and the schema
 * leaves Ajv's cache again so user schemas do not accumulate over a run.
 */
import type { ValidateFunction } from "ajv/dist/2020";
import type { JsonValue } from "@/lib/core/json";
import { compileSafeRegex } from "./internal/safe-regex";
import { getAjv, paramError } from "./support";
import type { JsonObject } from "./types";

/**
 * Compile `schema` (the tool parameter `schema`) for validating data. A schema Ajv rejects raises the tool
 * error `invalid(reason)` words; an unsafe pattern raises naming where it is.
 */
export async function compileUserSchema(
  schema: JsonObject,
  invalid: (reason: string) => string,
): Promise<ValidateFunction> {
  checkSchemaPatterns(schema, "schema");
  const ajv = await getAjv();
  const compiled: JsonObject = { ...schema };
  delete compiled.$id;
  delete compiled.$schema;
  try {
    return ajv.compile(compiled);
  } catch (e) {
    throw paramError(invalid((e as Error).message));
  } finally {
    ajv.removeSchema(compiled); // Ajv caches by schema object
  }
}

function checkSchemaPatterns(schema: JsonValue, path: string): void {
  if (Array.isArray(schema)) schema.forEach((s, i) => checkSchemaPatterns(s, `${path}[${i}]`));
  else if (schema && typeof schema === "object") {
    for (const [k, v] of Object.entries(schema)) {
      if (k === "pattern" && typeof v === "string") {
        const re = compileSafeRegex(v);
        if (typeof re === "string")
          throw paramError(`parameter 'schema' has an unsafe pattern at ${path}.pattern: ${re}`);
      }
      if (k === "patternProperties" && v && typeof v === "object" && !Array.isArray(v)) {
        for (const p of Object.keys(v)) {
          const re = compileSafeRegex(p);
          if (typeof re === "string")
            throw paramError(`parameter 'schema' has an unsafe pattern at ${path}.patternProperties: ${re}`);
        }
      }
      checkSchemaPatterns(v, `${path}.${k}`);
    }
  }
}
