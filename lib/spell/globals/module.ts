/** What each global's module contributes to the API surface. */
import type { ApiGlobal, HostClass } from "@/engines/bridge";

export interface GlobalModule {
  name: string;
  global: ApiGlobal;
  classes?: Record<string, HostClass>;
}
