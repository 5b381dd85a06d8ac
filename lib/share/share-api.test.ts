import type { ApiErrorBody } from "@/lib/http/api-error";
import { describe, expect, it } from "vitest";
import { createMemoryRateLimiter } from "@/lib/ratelimit/memory";
import { computeShareId } from "./content-id";
import { MAX_SHARE_BODY_BYTES, createShareApi } from "./share-api";
import { MAX_RECORDINGS_BYTES, MAX_SOURCE_BYTES } from "./shared-spell";
import { sampleRecording } from "@/lib/recording/testing/sample-recording";
import { createMemoryShareStore } from "./store/memory";
import type { ShareStore } from "./store/types";

function setup(options: { capacity?: number; store?: ShareStore } = {}) {
  const store = options.store ?? createMemoryShareStore();
  const errors: unknown[] = [];
  const api = createShareApi({
    getStore: async () => store,
    postLimiter: createMemoryRateLimiter({ capacity: options.capacity ?? 100, refillPerSecond: 0.001 }),
    getLimiter: createMemoryRateLimiter({ capacity: options.capacity ?? 100, refillPerSecond: 0.001 }),
    clientKey: (r) => r.headers.get("x-forwarded-for") ?? "anon",
    onError: (e) => errors.push(e),
  });
  return { api, store, errors };
}

function postJson(body: unknown, headers: Record<string, string> = {}) {
  return new Request("http://127.0.0.1/api/share", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

const getReq = (id: string, ip = "anon") =>
  new Request(`http://127.0.0.1/api/share/${id}`, { headers: { "x-forwarded-for": ip } });

describe("POST /api/share with recorded runs", () => {
  const spell = { language: "lua", source: 'print("hi")' } as const;

  it("stores the recordings with the spell, under an id of both", async () => {
    const { api } = setup();
    const withRun = { ...spell, recordings: [sampleRecording()] };
    const res = await api.post(postJson(withRun));
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect(id).not.toBe(await computeShareId(spell));
    expect(await (await api.get(getReq(id), id)).json()).toEqual(withRun);
  });

  it("refuses a recording that is not one, naming the problem", async () => {
    const { api } = setup();
    const res = await api.post(postJson({ ...spell, recordings: [{ format: "llmspell-recording", version: 1 }] }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as ApiErrorBody).error.message).toMatch(
      /^Invalid recorded run 1: the recording is not valid at recordedAt: /,
    );
  });

  it("answers 413 for recordings over the cap, naming their size and the cap", async () => {
    const { api } = setup();
    const big = sampleRecording({}, "x".repeat(MAX_RECORDINGS_BYTES));
    const res = await api.post(postJson({ ...spell, recordings: [big] }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as ApiErrorBody).error.message).toMatch(
      /^Too large: the recorded run is [\d,]+ bytes of JSON; the limit is 262,144 bytes \(256 KiB\)\.$/,
    );
  });
});

describe("POST /api/share with model settings", () => {
  const spell = { language: "lua", source: 'print("hi")', model: "mock/echo" } as const;

  it("stores the settings with the spell and GET gives them back", async () => {
    const { api } = setup();
    const tuned = { ...spell, modelParams: { temperature: 0.2, seed: 7 } };
    const res = await api.post(postJson(tuned));
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect(id).not.toBe(await computeShareId(spell));
    expect(await (await api.get(getReq(id), id)).json()).toEqual(tuned);
    // An empty set is no settings: the spell's own id, and nothing stored for them.
    const bare = await api.post(postJson({ ...spell, modelParams: {} }));
    const bareId = ((await bare.json()) as { id: string }).id;
    expect(bareId).toBe(await computeShareId(spell));
    expect(await (await api.get(getReq(bareId), bareId)).json()).toEqual(spell);
  });

  it("refuses settings out of range with 400 naming the setting (never clamped)", async () => {
    const { api } = setup();
    const res = await api.post(postJson({ ...spell, modelParams: { temperature: 0.2, topP: 1.5 } }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as ApiErrorBody).error.message).toBe(
      "Invalid spell: modelParams.topP: top-p must be a number from 0 to 1",
    );
  });
});

describe("POST /api/share", () => {
  it("stores a spell under its content id and GET gives it back", async () => {
    const { api } = setup();
    const spell = { language: "lua", source: 'print("hi")', model: "mock/echo", args: { x: 1 } } as const;
    const res = await api.post(postJson(spell));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; path: string };
    expect(body.id).toBe(await computeShareId(spell));
    expect(body.path).toBe(`/s/${body.id}`);
    const again = await api.post(postJson(spell));
    expect(again.status).toBe(200);
    expect(((await again.json()) as { id: string }).id).toBe(body.id);

    const got = await api.get(getReq(body.id), body.id);
    expect(got.status).toBe(200);
    expect(await got.json()).toEqual(spell);
  });

  it('keeps args exactly, even a "__proto__" key (found by the link round-trip property test)', async () => {
    const { api } = setup();
    const text = '{"language":"lua","source":"return ARGS","args":{"__proto__":false,"x":[1]}}';
    const res = await api.post(postJson(text));
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const got = await api.get(getReq(id), id);
    expect(await got.text()).toBe(text);
  });

  it("accepts a 20 KiB spell and exactly 64 KiB of source", async () => {
    const { api } = setup();
    expect((await api.post(postJson({ language: "lua", source: "-- x\n".repeat(4096) }))).status).toBe(201);
    expect((await api.post(postJson({ language: "lua", source: "x".repeat(MAX_SOURCE_BYTES) }))).status).toBe(201);
  });

  it("answers 413 for a source over 64 KiB", async () => {
    const { api } = setup();
    const res = await api.post(postJson({ language: "lua", source: "x".repeat(MAX_SOURCE_BYTES + 1) }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as ApiErrorBody).error.message).toMatch(/65537 bytes; the limit is 65536/);
  });

  it("answers 413 for a body over the cap without reading it all", async () => {
    const { api } = setup();
    const res = await api.post(postJson({ language: "lua", source: "\u0001".repeat(MAX_SHARE_BODY_BYTES) }));
    expect(res.status).toBe(413);
    const declared = await api.post(
      new Request("http://127.0.0.1/api/share", {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": String(MAX_SHARE_BODY_BYTES + 1) },
        body: "{}",
      }),
    );
    expect(declared.status).toBe(413);
  });

  it("answers 400 naming the field that is wrong", async () => {
    const { api } = setup();
    const cases: [unknown, RegExp][] = [
      [{ language: "python", source: "x" }, /language/],
      [{ language: "lua" }, /source/],
      [{ language: "lua", source: "x", model: "bad model" }, /model/],
      [{ language: "lua", source: "x", extra: 1 }, /extra|unrecognized/i],
      ["[1,2", /not valid JSON/],
    ];
    for (const [body, message] of cases) {
      const res = await api.post(postJson(body));
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as ApiErrorBody).error.message).toMatch(message);
    }
  });

  it("answers 415 for a body that is not declared JSON", async () => {
    const { api } = setup();
    const res = await api.post(new Request("http://127.0.0.1/api/share", { method: "POST", body: "x" }));
    expect(res.status).toBe(415);
  });

  it("rate limits per client with Retry-After", async () => {
    const { api } = setup({ capacity: 3 });
    const spell = { language: "lua", source: "print(1)" };
    for (let i = 0; i < 3; i++)
      expect((await api.post(postJson(spell, { "x-forwarded-for": "1.1.1.1" }))).status).toBeLessThan(300);
    const limited = await api.post(postJson(spell, { "x-forwarded-for": "1.1.1.1" }));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await api.post(postJson(spell, { "x-forwarded-for": "2.2.2.2" }))).status).toBe(200);
  });

  it("answers 503 when the store fails, without leaking the error", async () => {
    const broken: ShareStore = {
      kind: "memory",
      put: async () => {
        throw new Error("connection refused to secret-host:5432");
      },
      get: async () => {
        throw new Error("connection refused to secret-host:5432");
      },
      close: async () => undefined,
    };
    const { api, errors } = setup({ store: broken });
    const res = await api.post(postJson({ language: "lua", source: "x" }));
    expect(res.status).toBe(503);
    expect(await res.text()).not.toContain("secret-host");
    expect(errors).toHaveLength(1);
    expect((await api.get(getReq("abcdefghijk"), "abcdefghijk")).status).toBe(503);
  });
});

describe("GET /api/share/<id>", () => {
  it("answers 404 for an unknown or malformed id", async () => {
    const { api } = setup();
    const missing = await api.get(getReq("AAAAAAAAAAA"), "AAAAAAAAAAA");
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as ApiErrorBody).error.message).toMatch(/No spell is stored under AAAAAAAAAAA/);
    expect((await api.get(getReq("../etc/passwd"), "../etc/passwd")).status).toBe(404);
  });

  it("rate limits lookups", async () => {
    const { api } = setup({ capacity: 2 });
    await api.get(getReq("AAAAAAAAAAA", "9.9.9.9"), "AAAAAAAAAAA");
    await api.get(getReq("AAAAAAAAAAA", "9.9.9.9"), "AAAAAAAAAAA");
    expect((await api.get(getReq("AAAAAAAAAAA", "9.9.9.9"), "AAAAAAAAAAA")).status).toBe(429);
  });
});
