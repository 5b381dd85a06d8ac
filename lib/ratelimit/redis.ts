/**
 * The token bucket in Redis, for several `next start` instances behind a load balancer. One Lua script does
 * read, refill, spend and write atomically, on Redis's own clock (so instance clocks may disagree).
 * If Redis is unreachable the limiter fails open (the request is allowed) rather than taking the site down.
 */
import { Redis } from "ioredis";
import type { RateLimiter, RateLimitResult, TokenBucketConfig } from "./types";

/** KEYS[1] bucket; ARGV: capacity, tokens per ms, cost. Returns {ok, tokens (string), wait ms}. */
const TOKEN_BUCKET_SCRIPT = `
local capacity = tonumber(ARGV[1])
local per_ms = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local b = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(b[1]) or capacity
local ts = tonumber(b[2]) or now
if now > ts then tokens = math.min(capacity, tokens + (now - ts) * per_ms) end
local ok = 0
if tokens >= cost then
  tokens = tokens - cost
  ok = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
local ttl = 1000
if per_ms > 0 then ttl = math.ceil((capacity - tokens) / per_ms) + 1000 else ttl = 86400000 end
redis.call('PEXPIRE', KEYS[1], ttl)
local wait = 0
if ok == 0 then
  if per_ms > 0 then wait = math.ceil((cost - tokens) / per_ms) else wait = 86400000 end
end
return {ok, tostring(tokens), wait}
`;

type BucketRedis = Redis & {
  takeToken(key: string, capacity: number, perMs: number, cost: number): Promise<[number, string, number]>;
};

export interface RedisRateLimiterOptions {
  /** Called when Redis fails and the request is let through; never receives a secret. */
  onError?: (error: Error) => void;
}

export function createRedisRateLimiter(
  url: string,
  config: TokenBucketConfig,
  options: RedisRateLimiterOptions = {},
): RateLimiter {
  const redis = new Redis(url, {
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 1_000,
    lazyConnect: false,
  }) as BucketRedis;
  redis.on("error", () => {
    // Connection errors surface through the failing command below; keep the client from crashing the process.
  });
  redis.defineCommand("takeToken", { numberOfKeys: 1, lua: TOKEN_BUCKET_SCRIPT });
  const prefix = `llmspell:ratelimit:${config.prefix ?? ""}`;
  const perMs = config.refillPerSecond / 1000;

  return {
    async take(key, cost = 1): Promise<RateLimitResult> {
      try {
        const [ok, tokens, waitMs] = await redis.takeToken(prefix + key, config.capacity, perMs, cost);
        const remaining = Math.floor(Number(tokens));
        if (ok === 1) return { ok: true, remaining, retryAfterSeconds: 0 };
        return { ok: false, remaining, retryAfterSeconds: Math.max(1, Math.ceil(Number(waitMs) / 1000)) };
      } catch (error) {
        options.onError?.(error instanceof Error ? error : new Error(String(error)));
        return { ok: true, remaining: 0, retryAfterSeconds: 0 };
      }
    },
    async close() {
      redis.disconnect();
    },
  };
}
