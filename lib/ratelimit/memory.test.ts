import { describe, expect, it } from "vitest";
import { clientKeyOf, createRateLimiter } from "./index";
import { createMemoryRateLimiter } from "./memory";

describe("memory token bucket", () => {
  it("allows a burst of capacity, refuses the next with a retry time, and refills over time", async () => {
    let now = 1_000_000;
    const limiter = createMemoryRateLimiter({ capacity: 3, refillPerSecond: 0.5 }, () => now);
    for (let i = 0; i < 3; i++) expect((await limiter.take("a")).ok).toBe(true);
    const refused = await limiter.take("a");
    expect(refused).toEqual({ ok: false, remaining: 0, retryAfterSeconds: 2 });
    now += 1_000;
    expect((await limiter.take("a")).ok).toBe(false);
    now += 1_000;
    expect(await limiter.take("a")).toEqual({ ok: true, remaining: 0, retryAfterSeconds: 0 });
    now += 60_000;
    expect((await limiter.take("a")).remaining).toBe(2);
  });

  it("keeps one bucket per key and per prefix", async () => {
    const now = () => 0;
    const a = createMemoryRateLimiter({ capacity: 1, refillPerSecond: 1, prefix: "llm:" }, now);
    expect((await a.take("x")).ok).toBe(true);
    expect((await a.take("x")).ok).toBe(false);
    expect((await a.take("y")).ok).toBe(true);
  });

  it("charges a cost larger than one and refuses a cost above capacity", async () => {
    const limiter = createMemoryRateLimiter({ capacity: 5, refillPerSecond: 1 }, () => 0);
    expect(await limiter.take("k", 4)).toMatchObject({ ok: true, remaining: 1 });
    expect(await limiter.take("k", 2)).toMatchObject({ ok: false, retryAfterSeconds: 1 });
  });

  it("forgets idle buckets when flooded with distinct keys", async () => {
    let now = 0;
    const limiter = createMemoryRateLimiter({ capacity: 2, refillPerSecond: 1 }, () => now);
    for (let i = 0; i < 10_050; i++) await limiter.take(`ip-${i}`);
    now += 10_000;
    // A pruned key starts over with a full bucket.
    expect(await limiter.take("ip-0")).toMatchObject({ ok: true, remaining: 1 });
  });

  it("createRateLimiter picks memory without REDIS_URL", async () => {
    const limiter = createRateLimiter({ capacity: 1, refillPerSecond: 1, env: {} });
    expect((await limiter.take("z")).ok).toBe(true);
    expect((await limiter.take("z")).ok).toBe(false);
    await limiter.close();
  });

  it("keys clients by the first X-Forwarded-For address, then X-Real-IP", () => {
    expect(clientKeyOf(new Headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.1" }))).toBe("203.0.113.9");
    expect(clientKeyOf(new Headers({ "x-real-ip": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(clientKeyOf(new Headers())).toBe("anonymous");
  });
});
