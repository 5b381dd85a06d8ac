/**
 * The Redis token bucket against a real redis-server: LLMSPELL_TEST_REDIS_URL when set (CI), else a
 * redis-server started here on 127.0.0.1 with a free port. Skipped with a message only when neither is
 * possible, and never skipped under CI.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRateLimiter } from "./index";
import { createRedisRateLimiter } from "./redis";

const configured = process.env.LLMSPELL_TEST_REDIS_URL;
const hasBinary = spawnSync("sh", ["-c", "command -v redis-server"]).status === 0;
const canRun = Boolean(configured) || hasBinary;
if (!canRun) {
  if (process.env.CI) throw new Error("Redis tests need LLMSPELL_TEST_REDIS_URL or a redis-server binary under CI.");
  console.warn(
    "lib/ratelimit/redis.test.ts: skipped: no LLMSPELL_TEST_REDIS_URL and no redis-server binary (apt-get install redis-server).",
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

let url = configured ?? "";
let child: ChildProcess | undefined;

beforeAll(async () => {
  if (!canRun || configured) return;
  const port = await freePort();
  child = spawn("redis-server", ["--bind", "127.0.0.1", "--port", String(port), "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
  });
  url = `redis://127.0.0.1:${port}`;
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  for (let i = 0; i < 100; i++) {
    try {
      await probe.connect();
      await probe.ping();
      break;
    } catch {
      probe.disconnect();
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  probe.disconnect();
});

afterAll(() => {
  child?.kill("SIGTERM");
});

const unique = () => `test-${process.pid}-${Math.random().toString(36).slice(2)}`;

describe.skipIf(!canRun)("Redis token bucket", () => {
  it("two limiter instances share one bucket per key", async () => {
    const prefix = unique();
    const a = createRedisRateLimiter(url, { capacity: 3, refillPerSecond: 0.01, prefix });
    const b = createRedisRateLimiter(url, { capacity: 3, refillPerSecond: 0.01, prefix });
    try {
      expect((await a.take("client")).ok).toBe(true);
      expect((await b.take("client")).ok).toBe(true);
      expect(await a.take("client")).toMatchObject({ ok: true, remaining: 0 });
      const refused = await b.take("client");
      expect(refused.ok).toBe(false);
      expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(90);
      expect((await a.take("other-client")).ok).toBe(true);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("refills at the configured rate on Redis's clock", async () => {
    const limiter = createRedisRateLimiter(url, { capacity: 1, refillPerSecond: 20, prefix: unique() });
    try {
      expect((await limiter.take("k")).ok).toBe(true);
      expect((await limiter.take("k")).ok).toBe(false);
      await new Promise((r) => setTimeout(r, 120));
      expect((await limiter.take("k")).ok).toBe(true);
    } finally {
      await limiter.close();
    }
  });

  it("is atomic under concurrent takes from several instances", async () => {
    const prefix = unique();
    const limiters = [0, 1, 2, 3].map(() =>
      createRedisRateLimiter(url, { capacity: 10, refillPerSecond: 0.001, prefix }),
    );
    try {
      const results = await Promise.all(Array.from({ length: 40 }, (_, i) => limiters[i % 4].take("shared")));
      expect(results.filter((r) => r.ok)).toHaveLength(10);
    } finally {
      await Promise.all(limiters.map((l) => l.close()));
    }
  });

  it("sets an expiry so idle buckets leave Redis", async () => {
    const prefix = unique();
    const limiter = createRedisRateLimiter(url, { capacity: 2, refillPerSecond: 1, prefix });
    const redis = new Redis(url);
    try {
      await limiter.take("k");
      const ttl = await redis.pttl(`llmspell:ratelimit:${prefix}k`);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(2_000);
    } finally {
      redis.disconnect();
      await limiter.close();
    }
  });

  it("createRateLimiter picks Redis when REDIS_URL is set", async () => {
    const prefix = unique();
    const one = createRateLimiter({ capacity: 1, refillPerSecond: 0.001, prefix, env: { REDIS_URL: url } });
    const two = createRateLimiter({ capacity: 1, refillPerSecond: 0.001, prefix, env: { REDIS_URL: url } });
    try {
      expect((await one.take("k")).ok).toBe(true);
      expect((await two.take("k")).ok).toBe(false);
    } finally {
      await one.close();
      await two.close();
    }
  });
});

describe("Redis limiter failure", () => {
  it("fails open and reports the error when Redis is unreachable", async () => {
    const port = await freePort();
    const errors: Error[] = [];
    const limiter = createRedisRateLimiter(
      `redis://127.0.0.1:${port}`,
      { capacity: 1, refillPerSecond: 1 },
      { onError: (e) => errors.push(e) },
    );
    try {
      expect((await limiter.take("k")).ok).toBe(true);
      expect(errors.length).toBe(1);
    } finally {
      await limiter.close();
    }
  });
});
