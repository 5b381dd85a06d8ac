/**
 * `uuid-generator`: UUIDs and component ids with Web Crypto (`crypto.randomUUID` for v4, SHA-1 for v5).
 * As in rs-llmspell, `version = "v1"` gives a random (v4) UUID labelled v1, and `validate` returns the raw
 * JSON family (`r.data.valid`).
 */
import type { JsonValue } from "@/lib/core/json";
import { defineTool, paramError, requireString, success } from "./support";
import type { JsonObject } from "./types";

/** rs-llmspell's predefined namespaces (`llmspell-utils/src/id_generator.rs`) and the RFC 4122 ones. */
export const UUID_NAMESPACES: Record<string, string> = {
  dns: "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
  url: "6ba7b811-9dad-11d1-80b4-00c04fd430c8",
  oid: "6ba7b812-9dad-11d1-80b4-00c04fd430c8",
  x500: "6ba7b814-9dad-11d1-80b4-00c04fd430c8",
  agent: "6ba13d5a-3f5d-4a5b-9f7e-3d5a2f4d3a2b",
  tool: "7cb24e6b-4f6e-5b6c-af8f-4e6b3f5e4b3c",
  workflow: "8dc35f7c-5f7f-6c7d-bf9f-5f7c4f6f5c4d",
};

const UUID_RE = /^(?:urn:uuid:)?\{?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})\}?$/i;

/** Parse any of the accepted spellings into canonical lowercase hyphenated form, or undefined. */
export function parseUuid(s: string): string | undefined {
  const m = UUID_RE.exec(s.trim());
  if (!m) return undefined;
  if (s.includes("{") !== s.includes("}")) return undefined;
  return m.slice(1).join("-").toLowerCase();
}

function uuidBytes(uuid: string): Uint8Array {
  const hex = uuid.replace(/-/g, "");
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function bytesToUuid(b: Uint8Array): string {
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** RFC 4122 version 5 (SHA-1, name-based). */
export async function uuidV5(namespace: string, name: string): Promise<string> {
  const ns = uuidBytes(namespace);
  const nameBytes = new TextEncoder().encode(name);
  const data = new Uint8Array(16 + nameBytes.length);
  data.set(ns);
  data.set(nameBytes, 16);
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest("SHA-1", data)).slice(0, 16);
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;
  return bytesToUuid(digest);
}

export function formatUuid(uuid: string, format: string): string {
  switch (format) {
    case "simple":
      return uuid.replace(/-/g, "");
    case "urn":
      return `urn:uuid:${uuid}`;
    case "braced":
      return `{${uuid}}`;
    default:
      return uuid;
  }
}

function variantOf(uuid: string): string {
  const n = parseInt(uuid[19], 16);
  if ((n & 0x8) === 0) return "NCS";
  if ((n & 0xc) === 0x8) return "RFC4122";
  if ((n & 0xe) === 0xc) return "Microsoft";
  return "Future";
}

async function run(params: JsonObject): Promise<JsonValue> {
  const operation = (params.operation as string | undefined) ?? "generate";
  const str = (k: string) => (typeof params[k] === "string" ? (params[k] as string) : undefined);
  const bool = (k: string) => params[k] === true;
  switch (operation) {
    case "generate": {
      const v = str("version") ?? "v4";
      const version = v === "1" || v === "v1" ? "v1" : v === "5" || v === "v5" ? "v5" : "v4";
      let uuid: string;
      if (version === "v5") {
        const nsName = str("namespace") ?? "dns";
        const namespace = UUID_NAMESPACES[nsName] ?? parseUuid(nsName);
        if (!namespace) throw paramError(`Invalid namespace UUID: ${nsName} (parameter 'namespace')`);
        const name = str("name");
        if (name === undefined) throw paramError("UUID v5 requires a name parameter (parameter 'name')");
        uuid = await uuidV5(namespace, name);
      } else {
        uuid = globalThis.crypto.randomUUID();
      }
      const f = str("format") ?? "hyphenated";
      const format = f === "standard" ? "hyphenated" : f;
      return success("generate", "UUID generated successfully", {
        uuid: formatUuid(uuid, format),
        version,
        format,
      }) as unknown as JsonValue;
    }
    case "component_id": {
      const prefix = str("prefix") ?? "component";
      const short = bool("short");
      const uuid = globalThis.crypto.randomUUID();
      const id = `${prefix}_${short ? uuid.slice(0, 8) : uuid}`;
      return success("component_id", "Component ID generated successfully", {
        id,
        prefix,
        short,
      }) as unknown as JsonValue;
    }
    case "deterministic": {
      const namespace = str("namespace") ?? "agent";
      const name = requireString(params, "name", "deterministic");
      const ns = namespace === "tool" || namespace === "workflow" ? UUID_NAMESPACES[namespace] : UUID_NAMESPACES.agent;
      const id = await uuidV5(ns, name);
      return success("deterministic", "Deterministic ID generated successfully", {
        id,
        namespace,
        name,
      }) as unknown as JsonValue;
    }
    case "custom": {
      const parts: string[] = [];
      const prefix = str("prefix");
      if (prefix !== undefined) parts.push(prefix);
      const timestamp = bool("timestamp");
      if (timestamp) parts.push(String(Math.floor(Date.now() / 1000)));
      const short = bool("short");
      const uuid = globalThis.crypto.randomUUID();
      parts.push(short ? uuid.slice(0, 8) : uuid);
      const suffix = str("suffix");
      if (suffix !== undefined) parts.push(suffix);
      return success("custom", "Custom ID generated successfully", {
        id: parts.join("_"),
        timestamp,
        short,
      }) as unknown as JsonValue;
    }
    case "validate": {
      const input = requireString(params, "uuid", "validate");
      const uuid = parseUuid(input);
      if (!uuid) return { valid: false, error: "Invalid UUID format" };
      const vn = parseInt(uuid[14], 16);
      const out: JsonObject = { valid: true, uuid, variant: variantOf(uuid) };
      if (vn >= 1 && vn <= 8) out.version = `v${vn}`;
      return out;
    }
    default:
      throw paramError(`Unknown operation: ${operation}`);
  }
}

export const uuidGenerator = defineTool({
  name: "uuid-generator",
  aliases: ["uuid_generator"],
  description: "UUID generation tool with multiple versions and formats",
  category: "utility",
  tags: ["uuid", "id"],
  schema: {
    type: "object",
    properties: {
      operation: {
        type: "string",
        enum: ["generate", "component_id", "deterministic", "custom", "validate"],
        default: "generate",
        description: "Operation: generate, component_id, deterministic, custom, validate",
      },
      version: {
        type: "string",
        enum: ["v1", "1", "v4", "4", "v5", "5"],
        default: "v4",
        description: "UUID version (generate)",
      },
      format: {
        type: "string",
        enum: ["standard", "hyphenated", "simple", "urn", "braced"],
        default: "hyphenated",
        description: "Output format (generate)",
      },
      namespace: {
        type: "string",
        description:
          "v5 namespace: dns, url, oid, x500, agent, tool, workflow or a UUID; deterministic: agent, tool, workflow",
      },
      name: { type: "string", description: "Name for v5 / deterministic ids" },
      prefix: { type: "string", description: "Prefix for component_id / custom" },
      suffix: { type: "string", description: "Suffix for custom" },
      short: { type: "boolean", description: "Use the first 8 hex digits only (component_id / custom)" },
      timestamp: { type: "boolean", description: "Include a Unix timestamp (custom)" },
      uuid: { type: "string", description: "UUID to check (validate)" },
    },
  },
  run: async (params) => ({ json: await run(params) }),
  // Random UUIDs (v4, and v1, which is random here too), component ids and custom ids; v5, deterministic ids
  // and validation are pure.
  nondeterministic: (params) => {
    const op = String(params.operation ?? "generate");
    if (op === "generate") return !["v5", "5"].includes(String(params.version ?? "v4"));
    return op === "component_id" || op === "custom";
  },
});
