/** Test helpers: read an `/api/llm` response or any part stream into an array. */
import type { StreamPart } from "../types";
import { decodeStream } from "../wire";

export async function collectParts(parts: AsyncIterable<StreamPart>): Promise<StreamPart[]> {
  const out: StreamPart[] = [];
  for await (const p of parts) out.push(p);
  return out;
}

export async function readResponseParts(response: Response): Promise<StreamPart[]> {
  if (!response.body) return [];
  return collectParts(decodeStream(response.body));
}

export function textOfParts(parts: StreamPart[]): string {
  return parts.map((p) => (p.type === "text-delta" ? p.text : "")).join("");
}

let ip = 0;
/** A POST to `/api/llm` from its own client address (so rate limits of other tests do not interfere). */
export function llmRequest(body: unknown, headers: Record<string, string> = {}): Request {
  ip++;
  return new Request("http://127.0.0.1/api/llm", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-forwarded-for": `10.0.${Math.floor(ip / 250)}.${ip % 250}`,
      ...headers,
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}
