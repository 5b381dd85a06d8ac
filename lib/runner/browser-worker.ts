/// <reference lib="webworker" />
/**
 * The browser Web Worker host: serves runs for {@link createBrowserRunController}. Model calls go to the same
 * origin's `/api/llm` (with the user's own key for that run, when given); `State` persists in IndexedDB, or in
 * memory with a warning in the run's output when IndexedDB is unavailable.
 */
import { createHttpLlmClient } from "@/lib/llm/client";
import { createBrowserStateResolver } from "./browser-state";
import { startWorkerHost } from "./worker-host";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const resolveState = createBrowserStateResolver();

void startWorkerHost({
  port: {
    post: (message) => scope.postMessage(message),
    onMessage: (listener) => scope.addEventListener("message", (e: MessageEvent) => listener(e.data)),
  },
  createLlm: (request) => createHttpLlmClient({ byokKey: request.byokKey, mockAll: request.mockAll }),
  createState: (request) => resolveState(request.stateNamespace),
});
