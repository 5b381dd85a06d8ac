/** A per-key token bucket: each `take` spends tokens, which refill at a steady rate up to `capacity`. */
export interface RateLimitResult {
  ok: boolean;
  /** Whole tokens left after this take. */
  remaining: number;
  /** When refused: whole seconds until enough tokens are back (use as `Retry-After`). 0 when ok. */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  /** Spend `cost` tokens (default 1) from `key`'s bucket. */
  take(key: string, cost?: number): Promise<RateLimitResult>;
  /** Release connections (Redis); a no-op in memory. */
  close(): Promise<void>;
}

export interface TokenBucketConfig {
  /** Largest burst: a fresh bucket holds this many tokens. */
  capacity: number;
  /** Tokens added back per second. */
  refillPerSecond: number;
  /** Namespace for keys, so two limiters (e.g. `/api/llm` and `/api/share`) never share buckets. */
  prefix?: string;
}
