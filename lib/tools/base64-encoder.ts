/**
 * `base64-encoder`: standard or URL-safe base64 of a string (or of hex bytes with `binary_input`). Decoded
 * bytes that are not UTF-8 come back as hex, as in rs-llmspell. File input/output is refused.
 */
import type { JsonValue } from "@/lib/core/json";
import { defineTool, paramError, success } from "./support";
import { fromBase64, fromHex, toBase64, toHex } from "./internal/bytes";
import type { JsonObject } from "./types";

function run(params: JsonObject): JsonValue {
  const operation = params.operation as "encode" | "decode";
  const variant = (params.variant as string | undefined) ?? "standard";
  if (params.input_file !== undefined || params.output_file !== undefined) {
    throw paramError("parameters 'input_file'/'output_file' are not available: the playground has no file system");
  }
  if (typeof params.input !== "string")
    throw paramError("Either 'input' or 'input_file' must be provided (parameter 'input')");
  const urlSafe = variant === "url-safe";
  let output: string;
  if (operation === "encode") {
    let bytes: Uint8Array;
    if (params.binary_input === true) {
      const b = fromHex(params.input);
      if (!b) throw paramError("Failed to parse hex input (parameter 'input')");
      bytes = b;
    } else bytes = new TextEncoder().encode(params.input);
    output = toBase64(bytes, urlSafe);
  } else {
    let bytes: Uint8Array;
    try {
      bytes = fromBase64(params.input, urlSafe);
    } catch (e) {
      throw paramError(`Base64 decode error: ${(e as Error).message} (parameter 'input')`);
    }
    try {
      output = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      output = toHex(bytes);
    }
  }
  const binary = operation === "decode" && !/^[\x00-\x7f]*$/.test(output);
  return success(operation, `Base64 ${operation} completed`, { output, variant, binary }) as unknown as JsonValue;
}

export const base64Encoder = defineTool({
  name: "base64-encoder",
  aliases: ["base64_encoder"],
  description: "Encode and decode data using Base64 encoding",
  category: "utility",
  pure: true,
  tags: ["base64", "encoding"],
  schema: {
    type: "object",
    properties: {
      operation: { type: "string", enum: ["encode", "decode"], description: "Operation: encode or decode" },
      input: { type: "string", description: "Text to encode, or base64 to decode" },
      variant: { type: "string", enum: ["standard", "url-safe"], default: "standard", description: "Base64 alphabet" },
      binary_input: { type: "boolean", default: false, description: "Treat input as hex bytes (encode)" },
      input_file: { type: "string", description: "Not available (no file system)" },
      output_file: { type: "string", description: "Not available (no file system)" },
    },
    required: ["operation"],
  },
  run: (params) => ({ json: run(params) }),
});
