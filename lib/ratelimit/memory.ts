/** The in-process token bucket: the default for one `next start` instance and for the CLI. */
import type { RateLimiter, RateLimitResult, TokenBucketConfig } from "./types";

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/** Buckets kept before full (idle) ones are dropped, so a flood of distinct keys cannot grow memory forever. */
const MAX_BUCKETS = 10_000;

export function createMemoryRateLimiter(config: TokenBucketConfig, now: () => number = Date.now): RateLimiter {
  const buckets = new Map<string, Bucket>();
  const perMs = config.refillPerSecond / 1000;
  const prefix = config.prefix ?? "";

  function refill(bucket: Bucket, at: number): void {
    if (at > bucket.updatedMs)
      bucket.tokens = Math.min(config.capacity, bucket.tokens + (at - bucket.updatedMs) * perMs);
    bucket.updatedMs = at;
  }

  function prune(at: number): void {
    for (const [key, bucket] of buckets) {
      refill(bucket, at);
      if (bucket.tokens >= config.capacity) buckets.delete(key);
    }
    // Still too many: drop the oldest entries (Map keeps insertion order).
    for (const key of buckets.keys()) {
      if (buckets.size <= MAX_BUCKETS / 2) break;
      buckets.delete(key);
    }
  }

  return {
    async take(key, cost = 1): Promise<RateLimitResult> {
      const at = now();
      const id = prefix + key;
      let bucket = buckets.get(id);
      if (!bucket) {
        if (buckets.size >= MAX_BUCKETS) prune(at);
        bucket = { tokens: config.capacity, updatedMs: at };
        buckets.set(id, bucket);
      }
      refill(bucket, at);
      if (bucket.tokens >= cost) {
        bucket.tokens -= cost;
        return { ok: true, remaining: Math.floor(bucket.tokens), retryAfterSeconds: 0 };
      }
      const waitMs = perMs > 0 ? (cost - bucket.tokens) / perMs : Infinity;
      return {
        ok: false,
        remaining: Math.floor(bucket.tokens),
        retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
      };
    },
    async close() {
      buckets.clear();
    },
  };
}
