/**
 * Gateway benchmark: what `/api/llm` on `next start` adds on top of the model it proxies.
 *
 * 1. Interleaved pairs: one streamed completion straight from the local OpenAI-compatible SSE mock, one
 *    through `/api/llm` (`openai/bench`, same mock behind it); time to first token and total time of each.
 *    Prints the median and p99 of the added milliseconds and the gateway/direct ratio of the medians.
 * 2. Load: 200 concurrent streams straight to the mock, then 200 through the route, then 200 concurrent
 *    `mock/default` streams through the route; errors counted, p99 added under load.
 *
 * Needs a production build: `NEXT_DIST_DIR=.next-g npx next build`. `runGatewayBench()` starts the SSE mock
 * and `next start -H 127.0.0.1` itself (with the rate limit off) and stops both. Run alone with
 * `npx tsx bench/gateway.ts [--pairs N] [--concurrency N] [--port P] [--dist-dir D]`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createLlmPostHandler } from "../lib/llm/route-handler";
import { startOpenAiMockServer } from "../lib/llm/testing/openai-mock-server";

export interface GatewayBenchOptions {
  /** Interleaved direct/gateway pairs measured (after `warmup` unmeasured ones). */
  pairs?: number;
  warmup?: number;
  /** Concurrent streams in the load phase. */
  concurrency?: number;
  port?: number;
  /** The Next build directory (`NEXT_DIST_DIR`). */
  distDir?: string;
  /** Delay between the mock's chunks, ms. */
  chunkDelayMs?: number;
  /** Print as it goes (default true). */
  log?: (line: string) => void;
}

export interface LatencyStats {
  median: number;
  p99: number;
}

export interface GatewayBenchResult {
  pairs: number;
  direct: { ttft: LatencyStats; total: LatencyStats };
  gateway: { ttft: LatencyStats; total: LatencyStats };
  /** Per-pair gateway minus direct, ms. */
  added: { ttft: LatencyStats; total: LatencyStats };
  /** The same route handler called in-process (no Next server): what the gateway code itself adds, ms. */
  handlerAdded: { ttft: LatencyStats; total: LatencyStats };
  /** Gateway median / direct median. */
  ratio: { ttft: number; total: number };
  /** A slow upstream (one chunk every SLOW_CHUNK_MS) through the route: first token must come long before the end. */
  streaming: { chunkDelayMs: number; ttft: number; total: number };
  load: {
    concurrency: number;
    direct: LoadResult;
    gateway: LoadResult;
    mock: LoadResult;
    /** Gateway p99 minus direct p99 under load, ms. */
    addedP99: number;
  };
}

/** Delay per chunk of the `slow-stream` model, used to show the route streams instead of buffering. */
const SLOW_CHUNK_MS = 150;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index];
}

function stats(values: number[]): LatencyStats {
  return { median: round(quantile(values, 0.5)), p99: round(quantile(values, 0.99)) };
}

const round = (n: number) => Math.round(n * 100) / 100;

interface Timing {
  ttft: number;
  total: number;
  ok: boolean;
  /** What went wrong, when not ok (an error part, a status, a thrown error). */
  problem?: string;
}

/** Stream one completion straight from the SSE mock (what the gateway itself sends upstream). */
async function timeDirect(baseUrl: string, prompt: string): Promise<Timing> {
  const started = performance.now();
  let ttft = NaN;
  const response = await fetch(`${baseUrl}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer sk-bench" },
    body: JSON.stringify({
      model: "bench",
      messages: [{ role: "user", content: prompt }],
      stream: true,
      stream_options: { include_usage: true },
    }),
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    if (Number.isNaN(ttft) && /"content":"[^"]/.test(text)) ttft = performance.now() - started;
  }
  const ok = response.ok && text.includes("[DONE]");
  return {
    ttft,
    total: performance.now() - started,
    ok,
    ...(ok ? {} : { problem: `direct ${response.status}: ${text.slice(-200)}` }),
  };
}

type Handler = (request: Request) => Promise<Response>;

/** Stream one completion through `/api/llm` (on `next start`, or the handler called in-process), reading NDJSON parts. */
async function timeGateway(gateway: string | Handler, model: string, prompt: string): Promise<Timing> {
  const started = performance.now();
  let ttft = NaN;
  const init = {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ model, messages: [{ role: "user", content: prompt }] }),
  };
  const response =
    typeof gateway === "string"
      ? await fetch(`${gateway}/api/llm`, init)
      : await gateway(new Request("http://127.0.0.1/api/llm", init));
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    if (Number.isNaN(ttft) && text.includes('"type":"text-delta"')) ttft = performance.now() - started;
  }
  const ok = response.ok && text.includes('"type":"finish"') && !text.includes('"type":"error"');
  return {
    ttft,
    total: performance.now() - started,
    ok,
    ...(ok ? {} : { problem: `gateway ${response.status}: ${text.slice(-200)}` }),
  };
}

async function waitForServer(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/api/models`);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`next start did not answer on ${url} within ${timeoutMs} ms`);
}

interface LoadResult {
  errors: number;
  total: LatencyStats;
  wallMs: number;
  /** Up to three distinct problems seen, to tell a gateway bug from an overloaded machine. */
  problems: string[];
}

async function load(n: number, one: (i: number) => Promise<Timing>): Promise<LoadResult> {
  const started = performance.now();
  const results: Timing[] = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      one(i).catch((e: unknown) => ({
        ttft: NaN,
        total: NaN,
        ok: false,
        problem: `thrown: ${e instanceof Error ? e.message : String(e)}`,
      })),
    ),
  );
  const wallMs = round(performance.now() - started);
  const problems = [...new Set(results.flatMap((r) => (r.problem ? [r.problem] : [])))].slice(0, 3);
  return {
    errors: results.filter((r) => !r.ok).length,
    total: stats(results.filter((r) => r.ok).map((r) => r.total)),
    wallMs,
    problems,
  };
}

export async function runGatewayBench(options: GatewayBenchOptions = {}): Promise<GatewayBenchResult> {
  const pairs = options.pairs ?? 200;
  const warmup = options.warmup ?? 30;
  const concurrency = options.concurrency ?? 200;
  const port = options.port ?? 3190;
  const distDir = options.distDir ?? ".next-g";
  const log = options.log ?? ((line: string) => console.log(line));
  if (!existsSync(path.join(ROOT, distDir, "BUILD_ID"))) {
    throw new Error(`No production build in ${distDir}: run NEXT_DIST_DIR=${distDir} npx next build first.`);
  }

  const upstream = await startOpenAiMockServer({ chunkDelayMs: options.chunkDelayMs ?? 0, slowChunkMs: SLOW_CHUNK_MS });
  const gatewayUrl = `http://127.0.0.1:${port}`;
  const nextBin = createRequire(path.join(ROOT, "package.json")).resolve("next/dist/bin/next");
  const child = spawn(process.execPath, [nextBin, "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: ROOT,
    env: {
      ...process.env,
      NEXT_DIST_DIR: distDir,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      OPENAI_BASE_URL: upstream.baseUrl,
      OPENAI_API_KEY: "sk-bench-not-a-real-key",
      LLM_RATE_LIMIT_PER_MINUTE: "0",
      REDIS_URL: "",
    },
    stdio: "ignore",
  });
  const spawnFailed = new Promise<never>((_, reject) =>
    child.once("error", (e) => reject(new Error(`could not start next: ${e.message}`))),
  );
  spawnFailed.catch(() => {});
  try {
    await Promise.race([waitForServer(gatewayUrl, child, 30_000), spawnFailed]);
    log(
      `gateway bench: next start on ${gatewayUrl}, SSE mock on ${upstream.baseUrl}; ${cpus().length} cpu(s), load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
    );

    for (let i = 0; i < warmup; i++) {
      await timeDirect(upstream.baseUrl, `warm ${i}`);
      await timeGateway(gatewayUrl, "openai/bench", `warm ${i}`);
    }

    const handler = createLlmPostHandler({
      env: { OPENAI_BASE_URL: upstream.baseUrl, OPENAI_API_KEY: "sk-bench-not-a-real-key" },
    });
    for (let i = 0; i < warmup; i++) await timeGateway(handler, "openai/bench", `warm ${i}`);
    const direct: Timing[] = [];
    const gateway: Timing[] = [];
    const inProcess: Timing[] = [];
    for (let i = 0; i < pairs; i++) {
      const prompt = `pair ${i} tell me something`;
      // Rotate the order so no arm always gets the warmest connection or the quietest moment.
      const arms = [
        async () => direct.push(await timeDirect(upstream.baseUrl, prompt)),
        async () => gateway.push(await timeGateway(gatewayUrl, "openai/bench", prompt)),
        async () => inProcess.push(await timeGateway(handler, "openai/bench", prompt)),
      ];
      for (let k = 0; k < arms.length; k++) await arms[(i + k) % arms.length]();
    }
    const failed = [...direct, ...gateway, ...inProcess].filter((t) => !t.ok).length;
    if (failed > 0) throw new Error(`${failed} of ${pairs * 3} sequential streams failed`);
    const added = (key: "ttft" | "total", arm: Timing[] = gateway) => direct.map((d, i) => arm[i][key] - d[key]);
    const result: GatewayBenchResult = {
      pairs,
      direct: { ttft: stats(direct.map((t) => t.ttft)), total: stats(direct.map((t) => t.total)) },
      gateway: { ttft: stats(gateway.map((t) => t.ttft)), total: stats(gateway.map((t) => t.total)) },
      added: { ttft: stats(added("ttft")), total: stats(added("total")) },
      handlerAdded: { ttft: stats(added("ttft", inProcess)), total: stats(added("total", inProcess)) },
      ratio: { ttft: 0, total: 0 },
      streaming: { chunkDelayMs: SLOW_CHUNK_MS, ttft: 0, total: 0 },
      load: undefined as unknown as GatewayBenchResult["load"],
    };
    result.ratio = {
      ttft: round(result.gateway.ttft.median / result.direct.ttft.median),
      total: round(result.gateway.total.median / result.direct.total.median),
    };

    const slow = await timeGateway(gatewayUrl, "openai/slow-stream", "stream this slowly please");
    result.streaming = { chunkDelayMs: SLOW_CHUNK_MS, ttft: round(slow.ttft), total: round(slow.total) };

    const loadDirect = await load(concurrency, (i) => timeDirect(upstream.baseUrl, `load ${i}`));
    const loadGateway = await load(concurrency, (i) => timeGateway(gatewayUrl, "openai/bench", `load ${i}`));
    const loadMock = await load(concurrency, (i) => timeGateway(gatewayUrl, "mock/default", `load ${i}`));
    result.load = {
      concurrency,
      direct: loadDirect,
      gateway: loadGateway,
      mock: loadMock,
      addedP99: round(loadGateway.total.p99 - loadDirect.total.p99),
    };

    log(`sequential, ${pairs} interleaved pairs (ms):`);
    log(
      `  time to first token: direct median ${result.direct.ttft.median}, gateway median ${result.gateway.ttft.median}; added median ${result.added.ttft.median}, p99 ${result.added.ttft.p99}; ratio ${result.ratio.ttft}`,
    );
    log(
      `  total time:          direct median ${result.direct.total.median}, gateway median ${result.gateway.total.median}; added median ${result.added.total.median}, p99 ${result.added.total.p99}; ratio ${result.ratio.total}`,
    );
    log(
      `  the handler in-process (no Next server) adds: first token median ${result.handlerAdded.ttft.median}, p99 ${result.handlerAdded.ttft.p99}; total median ${result.handlerAdded.total.median}, p99 ${result.handlerAdded.total.p99}`,
    );
    log(`  target: under 5 ms added at the median: ${result.added.ttft.median < 5 ? "met" : "NOT met"} (first token)`);
    log(
      `streaming check (upstream chunk every ${SLOW_CHUNK_MS} ms): first token after ${result.streaming.ttft} ms, last after ${result.streaming.total} ms`,
    );
    log(`load, ${concurrency} concurrent streams (total ms):`);
    log(
      `  direct:            errors ${loadDirect.errors}, median ${loadDirect.total.median}, p99 ${loadDirect.total.p99}, wall ${loadDirect.wallMs}`,
    );
    log(
      `  gateway (openai):  errors ${loadGateway.errors}, median ${loadGateway.total.median}, p99 ${loadGateway.total.p99}, wall ${loadGateway.wallMs}`,
    );
    log(
      `  gateway (mock):    errors ${loadMock.errors}, median ${loadMock.total.median}, p99 ${loadMock.total.p99}, wall ${loadMock.wallMs}`,
    );
    log(`  p99 added under load: ${result.load.addedP99} ms`);
    for (const problem of [...loadDirect.problems, ...loadGateway.problems, ...loadMock.problems])
      log(`  problem seen: ${problem}`);
    return result;
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 200));
    if (child.exitCode === null) child.kill("SIGKILL");
    await upstream.close();
  }
}

function argValue(name: string): number | string | undefined {
  const i = process.argv.indexOf(name);
  if (i < 0) return undefined;
  const v = process.argv[i + 1];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : v;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runGatewayBench({
    pairs: argValue("--pairs") as number | undefined,
    concurrency: argValue("--concurrency") as number | undefined,
    port: argValue("--port") as number | undefined,
    distDir: argValue("--dist-dir") as string | undefined,
  }).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
