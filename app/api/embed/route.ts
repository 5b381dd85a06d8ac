/** POST /api/embed: embeddings for RAG (see lib/llm/embed-route-handler.ts). Keys and base URLs come from the server env. */
import { EMBED_RATE_LIMIT, rateLimitFromEnv } from "@/lib/llm/caps";
import { createEmbedPostHandler } from "@/lib/llm/embed-route-handler";
import { createLazyRateLimiter } from "@/lib/ratelimit";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const limit = rateLimitFromEnv(process.env, "EMBED", EMBED_RATE_LIMIT);

export const POST = createEmbedPostHandler({
  env: process.env,
  limiter: limit ? createLazyRateLimiter({ ...EMBED_RATE_LIMIT, ...limit, prefix: "embed:" }) : null,
});
