// The Node worker's entry: plain JavaScript, so it loads the same way under Vitest, tsx and plain `node`.
// It registers tsx's ESM loader in this thread (with the repo's tsconfig, for the `@/` paths), then loads
// the TypeScript worker and any plugin modules the controller asked for.
import { register } from "tsx/esm/api";
import { fileURLToPath } from "node:url";
import { workerData } from "node:worker_threads";

register({ tsconfig: fileURLToPath(new URL("../../tsconfig.json", import.meta.url)) });

for (const plugin of workerData?.plugins ?? []) await import(plugin);
await import("./node-worker.ts");
