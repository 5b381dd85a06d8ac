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

/** What `POST /api/embed` accepts in one request; `createHttpLlmClient` splits larger embeddings to fit. */
export interface EmbedCaps {
  /** Largest request body; bigger bodies get 413. */
  maxBodyBytes: number;
  /** Texts one request may carry. */
  maxTexts: number;
  /** Characters (UTF-16 code units) of all texts of one request together. */
  maxTotalChars: number;
}

/**
 * 256 texts and 256 Ki characters a request; the body cap leaves room for JSON escaping (a control character
 * is six bytes escaped, any other character at most three UTF-8 bytes).
 */
export const EMBED_CAPS: EmbedCaps = {
  maxBodyBytes: 2 * 1024 * 1024,
  maxTexts: 256,
  maxTotalChars: 256 * 1024,
};

/** Per-client token bucket for a route: a burst of `capacity` requests, refilled at `refillPerSecond`. */
export interface RateLimitConfig {
  capacity: number;
  refillPerSecond: number;
}

export const LLM_RATE_LIMIT: RateLimitConfig = { capacity: 60, refillPerSecond: 1 };

/** `/api/embed`: a RAG ingest of the 2,000 chunks one call may hold is 8 requests, so the burst is larger. */
export const EMBED_RATE_LIMIT: RateLimitConfig = { capacity: 120, refillPerSecond: 2 };

/**
 * The rate limit from the environment: `<PREFIX>_RATE_LIMIT_PER_MINUTE` (0 turns it off, for benchmarks on a
 * private machine) and `<PREFIX>_RATE_LIMIT_BURST` (`LLM_…` for `/api/llm`, `EMBED_…` for `/api/embed`); the
 * defaults otherwise.
 */
export function rateLimitFromEnv(
  env: Record<string, string | undefined>,
  prefix: "LLM" | "EMBED" = "LLM",
  defaults: RateLimitConfig = LLM_RATE_LIMIT,
): RateLimitConfig | null {
  const rawPerMinute = env[`${prefix}_RATE_LIMIT_PER_MINUTE`];
  const rawBurst = env[`${prefix}_RATE_LIMIT_BURST`];
  const perMinute = rawPerMinute === undefined ? undefined : Number(rawPerMinute);
  const burst = rawBurst === undefined ? undefined : Number(rawBurst);
  if (perMinute === 0) return null;
  return {
    capacity: burst !== undefined && Number.isFinite(burst) && burst > 0 ? burst : defaults.capacity,
    refillPerSecond:
      perMinute !== undefined && Number.isFinite(perMinute) && perMinute > 0
        ? perMinute / 60
        : defaults.refillPerSecond,
  };
}
