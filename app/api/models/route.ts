/** GET /api/models: `{ defaultModel, providers }` with each provider's models and whether it is usable. */
import { createModelsGetHandler } from "@/lib/llm/route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = createModelsGetHandler({ env: process.env });
