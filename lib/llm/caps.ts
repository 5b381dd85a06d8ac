/**
 * Every cap the model gateway enforces, in one place. Each one has a test (lib/llm/caps.test.ts and the
 * route tests). They keep a public deployment from being drained by one client or one runaway spell.
 */
export interface GatewayCaps {
  /** Largest request body `/api/llm` reads; bigger bodies get 413. */
  maxBodyBytes: number;
  /** Messages one request may carry. */
  maxMessages: number;
  /** Tools one request may offer. */
  maxTools: number;
  /** Output tokens one request may ask for; a larger `maxTokens` is lowered to this, and it is the default. */
  maxOutputTokens: number;
  /** Wall-clock time for one model call, first byte to last; past it the stream ends with a `timeout` part. */
  maxRequestMs: number;
  /** Time to wait for the upstream's first part before giving up with a `timeout` part. */
  firstByteTimeoutMs: number;
  /**
   * Tool steps one run may take: a request whose conversation already holds this many assistant tool-call
   * turns is refused (the gateway is stateless, so the conversation is the run).
   */
  maxToolSteps: number;
}

export const GATEWAY_CAPS: GatewayCaps = {
  maxBodyBytes: 64 * 1024,
  maxMessages: 100,
  maxTools: 32,
  maxOutputTokens: 4096,
  maxRequestMs: 120_000,
  firstByteTimeoutMs: 45_000,
  maxToolSteps: 10,
};

/** Per-client token bucket for `/api/llm`: a burst of `capacity` requests, refilled at `refillPerSecond`. */
export interface RateLimitConfig {
  capacity: number;
  refillPerSecond: number;
}

export const LLM_RATE_LIMIT: RateLimitConfig = { capacity: 60, refillPerSecond: 1 };

/**
 * The rate limit from the environment: `LLM_RATE_LIMIT_PER_MINUTE` (0 turns it off, for benchmarks on a
 * private machine) and `LLM_RATE_LIMIT_BURST`; the defaults above otherwise.
 */
export function rateLimitFromEnv(env: Record<string, string | undefined>): RateLimitConfig | null {
  const perMinute = env.LLM_RATE_LIMIT_PER_MINUTE === undefined ? undefined : Number(env.LLM_RATE_LIMIT_PER_MINUTE);
  const burst = env.LLM_RATE_LIMIT_BURST === undefined ? undefined : Number(env.LLM_RATE_LIMIT_BURST);
  if (perMinute === 0) return null;
  return {
    capacity: burst !== undefined && Number.isFinite(burst) && burst > 0 ? burst : LLM_RATE_LIMIT.capacity,
    refillPerSecond:
      perMinute !== undefined && Number.isFinite(perMinute) && perMinute > 0
        ? perMinute / 60
        : LLM_RATE_LIMIT.refillPerSecond,
  };
}
