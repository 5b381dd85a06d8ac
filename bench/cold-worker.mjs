// One cold start, measured in a fresh worker thread: load the engine module, create an instance, run
// `return 1`. tsx is registered before the clock starts, so its own start-up is not counted.
import { register } from "tsx/esm/api";
import { fileURLToPath } from "node:url";
import { parentPort, workerData } from "node:worker_threads";

register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
const t0 = performance.now();
const { createEngine } = await import("../engines/registry.ts");
const engine = await createEngine(workerData.engine);
const result = await engine.execute(workerData.engine === "lua" ? "return 1" : "export default 1;");
const ms = performance.now() - t0;
engine.dispose();
parentPort.postMessage({ ms, ok: result.ok });
