/** POST /api/llm: the model gateway (see lib/llm/route-handler.ts). Keys and base URLs come from the server env. */
import { LLM_RATE_LIMIT, rateLimitFromEnv } from "@/lib/llm/caps";
import { createLlmPostHandler } from "@/lib/llm/route-handler";
import { createLazyRateLimiter } from "@/lib/ratelimit";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const limit = rateLimitFromEnv(process.env);

export const POST = createLlmPostHandler({
  env: process.env,
  limiter: limit ? createLazyRateLimiter({ ...LLM_RATE_LIMIT, ...limit, prefix: "llm:" }) : null,
});
