/** POST /api/llm: the model gateway (see lib/llm/route-handler.ts). Keys and base URLs come from the server env. */
import { LLM_RATE_LIMIT, rateLimitFromEnv } from "@/lib/llm/caps";
import { createLlmPostHandler } from "@/lib/llm/route-handler";
import { createRateLimiter, type RateLimiter } from "@/lib/ratelimit";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const limit = rateLimitFromEnv(process.env);

/** Created on the first request, so loading this module (e.g. during `next build`) opens no Redis connection. */
function createLazyLimiter(): RateLimiter | null {
  if (!limit) return null;
  let real: RateLimiter | undefined;
  const get = () => (real ??= createRateLimiter({ ...LLM_RATE_LIMIT, ...limit, prefix: "llm:" }));
  return { take: (key, cost) => get().take(key, cost), close: async () => real?.close() };
}

export const POST = createLlmPostHandler({ env: process.env, limiter: createLazyLimiter() });
