/** What each global's module contributes to the API surface. */
import type { ApiGlobal, HostClass } from "@/lib/core/engine";

export interface GlobalModule {
  name: string;
  global: ApiGlobal;
  classes?: Record<string, HostClass>;
}
