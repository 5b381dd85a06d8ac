import { describe, expect, it } from "vitest";
import { errorMessageOf, errorResponse } from "./api-error";
import { BodyTooLarge, readCappedBody } from "./read-body";

function post(body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request("http://127.0.0.1/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

describe("the API error envelope", () => {
  it("is { error: { kind, message, field? } }, JSON, not cached, with extra headers", async () => {
    const res = errorResponse(429, { kind: "rate_limited", message: "Slow down." }, { "retry-after": "3" });
    expect(res.status).toBe(429);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("retry-after")).toBe("3");
    expect(await res.json()).toEqual({ error: { kind: "rate_limited", message: "Slow down." } });
    const withField = errorResponse(400, { kind: "bad_request", message: "m", field: "model" });
    expect(await withField.json()).toEqual({ error: { kind: "bad_request", message: "m", field: "model" } });
  });

  it("errorMessageOf reads the message of an envelope and nothing else", () => {
    expect(errorMessageOf({ error: { kind: "x", message: "m" } })).toBe("m");
    expect(errorMessageOf({ error: "m" })).toBeUndefined();
    expect(errorMessageOf(null)).toBeUndefined();
  });
});

describe("readCappedBody", () => {
  it("reads a body up to the cap as UTF-8", async () => {
    expect(await readCappedBody(post("héllo"), 6)).toBe("héllo");
  });

  it("refuses a body past the cap, by what arrives and by what Content-Length claims", async () => {
    await expect(readCappedBody(post("x".repeat(11)), 10)).rejects.toBeInstanceOf(BodyTooLarge);
    const streamed = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 20; i++) c.enqueue(new Uint8Array(100));
        c.close();
      },
    });
    await expect(readCappedBody(post(streamed), 1000)).rejects.toThrow("over 1000 bytes");
    await expect(readCappedBody(post("{}", { "content-length": "99999" }), 10)).rejects.toBeInstanceOf(BodyTooLarge);
  });
});
