import { getShareApi } from "@/lib/share/server";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Store a spell for a short link: body `SharedSpell` → `{ id, path }`. */
export async function POST(request: Request): Promise<Response> {
  return getShareApi().post(request);
}
