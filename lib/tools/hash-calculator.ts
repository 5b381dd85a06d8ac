/**
 * `hash-calculator`: MD5, SHA-1, SHA-256, SHA-512 of a string (Web Crypto; MD5 by `internal/md5.ts`), and
 * verification against an expected hex or base64 hash. `input_type = "file"` is refused: no file system.
 */
import type { JsonValue } from "@/lib/core/json";
import { defineTool, paramError, requireString, success } from "./support";
import { fromBase64, fromHex, toBase64, toHex } from "./internal/bytes";
import { md5 } from "./internal/md5";
import type { JsonObject } from "./types";

const ALGORITHMS: Record<string, { label: string; subtle?: string }> = {
  md5: { label: "MD5" },
  sha1: { label: "SHA-1", subtle: "SHA-1" },
  "sha-1": { label: "SHA-1", subtle: "SHA-1" },
  sha256: { label: "SHA-256", subtle: "SHA-256" },
  "sha-256": { label: "SHA-256", subtle: "SHA-256" },
  sha512: { label: "SHA-512", subtle: "SHA-512" },
  "sha-512": { label: "SHA-512", subtle: "SHA-512" },
};

async function digest(algorithm: string, data: Uint8Array): Promise<Uint8Array> {
  const a = ALGORITHMS[algorithm] ?? ALGORITHMS.sha256;
  if (!a.subtle) return md5(data);
  return new Uint8Array(await globalThis.crypto.subtle.digest(a.subtle, data as Uint8Array<ArrayBuffer>));
}

function inputBytes(params: JsonObject, operation: string): Uint8Array {
  if ((params.input_type ?? "string") === "file") {
    throw paramError("parameter 'input_type' = \"file\" is not available: the playground has no file system");
  }
  return new TextEncoder().encode(requireString(params, "input", operation));
}

async function run(params: JsonObject): Promise<JsonValue> {
  const operation = params.operation as string;
  const algorithm =
    typeof params.algorithm === "string" && params.algorithm in ALGORITHMS ? params.algorithm : "sha256";
  const label = ALGORITHMS[algorithm].label;
  if (operation === "hash") {
    const format = params.format === "base64" ? "base64" : "hex";
    const hash = await digest(algorithm, inputBytes(params, operation));
    return success("hash", `Calculated ${label.toUpperCase()} hash`, {
      algorithm: label,
      hash: format === "hex" ? toHex(hash) : toBase64(hash),
      format,
    }) as unknown as JsonValue;
  }
  const expectedText = requireString(params, "expected_hash", "verify");
  const expectedFormat = (params.expected_format as string | undefined) ?? "hex";
  let expected: Uint8Array | undefined;
  if (expectedFormat === "hex") {
    expected = fromHex(expectedText);
    if (!expected) throw paramError("Invalid hex hash (parameter 'expected_hash')");
  } else {
    try {
      expected = fromBase64(expectedText);
    } catch (e) {
      throw paramError(`Invalid base64 hash: ${(e as Error).message} (parameter 'expected_hash')`);
    }
  }
  const actual = await digest(algorithm, inputBytes(params, operation));
  const fmt = (b: Uint8Array) => (expectedFormat === "hex" ? toHex(b) : toBase64(b));
  const verified = actual.length === expected.length && actual.every((b, i) => b === expected![i]);
  return (verified
    ? success("verify", "Hash verification successful", { verified: true, algorithm: label })
    : success("verify", "Hash verification failed", {
        verified: false,
        algorithm: label,
        expected: fmt(expected),
        actual: fmt(actual),
      })) as unknown as JsonValue;
}

export const hashCalculator = defineTool({
  name: "hash-calculator",
  aliases: ["hash_calculator"],
  description: "Calculate and verify hashes (MD5, SHA-1, SHA-256, SHA-512)",
  category: "utility",
  pure: true,
  tags: ["hash", "crypto", "checksum"],
  schema: {
    type: "object",
    properties: {
      operation: { type: "string", enum: ["hash", "verify"], description: "Operation: hash or verify" },
      algorithm: {
        type: "string",
        enum: ["md5", "sha1", "sha-1", "sha256", "sha-256", "sha512", "sha-512"],
        default: "sha256",
        description: "Hash algorithm",
      },
      input_type: {
        type: "string",
        enum: ["string", "file"],
        default: "string",
        description: 'Only "string" works here',
      },
      input: { type: "string", description: "Text to hash (UTF-8)" },
      format: { type: "string", enum: ["hex", "base64"], default: "hex", description: "Output format (hash)" },
      expected_hash: { type: "string", description: "Hash to compare against (verify)" },
      expected_format: {
        type: "string",
        enum: ["hex", "base64"],
        default: "hex",
        description: "Format of expected_hash",
      },
    },
    required: ["operation"],
  },
  run: async (params) => ({ json: await run(params) }),
});
