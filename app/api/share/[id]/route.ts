import { getShareApi } from "@/lib/share/server";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The spell stored under a short-link id (used by `/embed?s=<id>`). */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  return getShareApi().get(request, id);
}
