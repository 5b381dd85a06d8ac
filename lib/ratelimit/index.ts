/**
 * Rate limiting behind one small interface: an in-memory token bucket by default, a Redis one when
 * `REDIS_URL` is set (several instances then share each client's bucket). Used by `/api/llm` and `/api/share`.
 */
import { createMemoryRateLimiter } from "./memory";
import { createRedisRateLimiter } from "./redis";
import type { RateLimiter, TokenBucketConfig } from "./types";

export type { RateLimiter } from "./types";
export { createMemoryRateLimiter } from "./memory";

export interface CreateRateLimiterOptions extends TokenBucketConfig {
  /** Where to read `REDIS_URL` (defaults to `process.env`). */
  env?: Record<string, string | undefined>;
  /** A Redis URL that wins over the environment. */
  redisUrl?: string;
}

/** The limiter for this deployment: Redis when a URL is configured, memory otherwise. */
export function createRateLimiter(options: CreateRateLimiterOptions): RateLimiter {
  const url = options.redisUrl ?? (options.env ?? process.env).REDIS_URL;
  const config: TokenBucketConfig = {
    capacity: options.capacity,
    refillPerSecond: options.refillPerSecond,
    prefix: options.prefix,
  };
  return url ? createRedisRateLimiter(url, config) : createMemoryRateLimiter(config);
}

/**
 * {@link createRateLimiter}, created on the first request, so loading a route module (e.g. during `next build`)
 * opens no Redis connection.
 */
export function createLazyRateLimiter(options: CreateRateLimiterOptions): RateLimiter {
  let real: RateLimiter | undefined;
  const get = () => (real ??= createRateLimiter(options));
  return { take: (key, cost) => get().take(key, cost), close: async () => real?.close() };
}

/**
 * The key a request is limited by: the first `X-Forwarded-For` address (set by the proxy in front of
 * `next start`), then `X-Real-IP`, else one shared bucket. Deployments without a trusted proxy should strip
 * client-sent forwarding headers at the edge.
 */
export function clientKeyOf(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  if (forwarded) return forwarded.slice(0, 100);
  const real = headers.get("x-real-ip")?.trim();
  if (real) return real.slice(0, 100);
  return "anonymous";
}
