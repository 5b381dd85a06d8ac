/** The share API wired to this process's store and rate limiters (server only). */
import { clientKeyOf, createRateLimiter, type RateLimiter } from "@/lib/ratelimit";
import { createShareApi } from "./share-api";
import { getShareStore } from "./store";

/** Short links a client may create: a burst of 20, then one every 6 seconds. */
const SHARE_POST_LIMIT = { capacity: 20, refillPerSecond: 1 / 6 };
/** Lookups a client may make: a burst of 120, then 2 a second. */
const SHARE_GET_LIMIT = { capacity: 120, refillPerSecond: 2 };

let api: ReturnType<typeof createShareApi> | undefined;
let pageLimiter: RateLimiter | undefined;

/** Limits `/s/<id>` page views per client, like GET /api/share/<id>. */
export function getShortLinkPageLimiter(): RateLimiter {
  pageLimiter ??= createRateLimiter({ ...SHARE_GET_LIMIT, prefix: "share-page" });
  return pageLimiter;
}

export function getShareApi(): ReturnType<typeof createShareApi> {
  api ??= createShareApi({
    getStore: getShareStore,
    postLimiter: createRateLimiter({ ...SHARE_POST_LIMIT, prefix: "share-post" }),
    getLimiter: createRateLimiter({ ...SHARE_GET_LIMIT, prefix: "share-get" }),
    clientKey: (request) => clientKeyOf(request.headers),
    onError: (error) => console.error("share store error:", error instanceof Error ? error.message : error),
  });
  return api;
}
