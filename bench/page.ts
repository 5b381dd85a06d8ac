/**
 * `npm run bench:page`: page load of the playground in Chromium against `next start` (production build).
 * Cold cache (a fresh browser context per load) and warm cache (later loads in one context with a profile on
 * disk, so V8's code cache works too), alternating: navigation start to first paint, first contentful paint, the
 * hydrated playground, Monaco ready, and the first output of a `print("hi")` run; plus the JavaScript shipped
 * before the editor chunk (gzip). Prints median and p95 and each target against what it measured.
 * Bounded: about a minute and a half (plus a build when there is none).
 *
 *   npx tsx bench/page.ts [--runs N] [--port P] [--build] [--timeout MS]
 *
 * Builds only when `$NEXT_DIST_DIR` (default `.next`) has no BUILD_ID, or with --build. Uses Debian's Chromium
 * (`$CHROMIUM_PATH`, default /usr/bin/chromium). Any request to a host other than loopback fails the bench; it
 * is stopped by a dead proxy (a closed loopback port) that only loopback bypasses, not by `context.route`:
 * Playwright turns the HTTP cache off in a context that has routes, and the warm-cache loads need it.
 */
import { cpus, loadavg, tmpdir } from "node:os";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../e2e/chromium";
import {
  addProbe,
  collectScripts,
  measureLoad,
  primeSpell,
  SPELL,
  type LoadMarks,
  type ScriptLoad,
  type ScriptReport,
} from "./page-measure";
import { ensureBuild, findClosedPort, findFreePort, ROOT, startServer, type PageServer } from "./page-server";
import { fmt, formatTable, median, p95, type Sample } from "./stats";

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i >= 0 && Number.isFinite(Number(argv[i + 1])) ? Number(argv[i + 1]) : fallback;
};
const RUNS = option("--runs", 5);
const PORT = option("--port", 3191);
const WAIT_MS = option("--timeout", 30_000);
/** The whole bench after the server is up (a hard stop, on top of the per-wait timeouts). */
const BUDGET_MS = 180_000;
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";

const TARGETS = { firstPaintMs: 1000, warmOutputMs: 1500, jsBeforeEditorKiB: 200 };

const VIEWPORT = { width: 1280, height: 800 };

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
const kib = (bytes: number) => (bytes / 1024).toFixed(1);

async function main(): Promise<number> {
  console.log(
    `llmspell page bench: node ${process.version}, ${cpus().length} cpu(s) (${cpus()[0]?.model ?? "?"}), load average ${load()}`,
  );
  const build = ensureBuild(DIST_DIR, argv.includes("--build"));
  const server = await startServer(DIST_DIR, await findFreePort(PORT));
  stopServerOnExit(server);
  const offHost: string[] = [];
  const httpErrors: string[] = [];
  let browser: Browser | null = null;
  const profileDir = mkdtempSync(path.join(tmpdir(), "llmspell-page-bench-"));
  process.once("exit", () => rmSync(profileDir, { recursive: true, force: true }));
  try {
    const launchOptions = {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      timeout: WAIT_MS,
      proxy: { server: `http://127.0.0.1:${await findClosedPort()}`, bypass: "127.0.0.1,localhost,[::1]" },
    };
    browser = await chromium.launch(launchOptions);
    const b = browser;
    console.log(
      `chromium ${browser.version()}, next start on ${server.url} (build in ${DIST_DIR} ${build}), ${RUNS} loads per measure`,
    );
    const url = `${server.url}/`;
    // Unmeasured: warms the server (its first requests load route code) and yields what the app stores for SPELL.
    const seed = await withContext(
      async () => watchContext(await b.newContext({ viewport: VIEWPORT }), null, offHost, httpErrors),
      (c) => primeSpell(c, url, WAIT_MS),
    );
    const open = async () => watchContext(await b.newContext({ viewport: VIEWPORT }), seed, offHost, httpErrors);
    // Warm: a profile on disk, so the HTTP cache and V8's code cache persist across loads as in a user's browser.
    const openWarm = async () =>
      watchContext(
        await chromium.launchPersistentContext(profileDir, { ...launchOptions, viewport: VIEWPORT }),
        seed,
        offHost,
        httpErrors,
      );
    const editorChunks = readEditorChunkTest();
    const scripts = await withContext(open, (c) => collectScripts(c, url, editorChunks.test, WAIT_MS));
    // Cold and warm loads alternate, so a change in the machine's load shifts both alike.
    const cold: LoadMarks[] = [];
    const warm: LoadMarks[] = [];
    const coldEarly: LoadMarks[] = [];
    const warmEarly: LoadMarks[] = [];
    await withContext(openWarm, async (warmContext) => {
      // Two unmeasured loads: the first fills the HTTP cache, the second lets Chromium write the code cache.
      for (let i = 0; i < 2; i++) await measureLoad(warmContext, url, WAIT_MS);
      for (let i = 0; i < RUNS; i++) {
        cold.push(await withContext(open, (c) => measureLoad(c, url, WAIT_MS)));
        warm.push(await measureLoad(warmContext, url, WAIT_MS));
        coldEarly.push(await withContext(open, (c) => measureLoad(c, url, WAIT_MS, undefined, "appReady")));
        warmEarly.push(await measureLoad(warmContext, url, WAIT_MS, undefined, "appReady"));
      }
    });

    const samples = [
      ...toSamples("cold", cold),
      ...toEarlySamples("cold", coldEarly),
      ...toSamples("warm", warm),
      ...toEarlySamples("warm", warmEarly),
    ];
    console.log("");
    console.log(formatTable(samples));
    for (const [cache, marks] of [
      ["cold", cold],
      ["warm", warm],
    ] as const) {
      console.log(
        `${cache}: page scripts from the HTTP cache per load: ${marks.map((m) => `${m.scripts.fromCache}/${m.scripts.total}`).join(", ")}`,
      );
    }
    console.log("");
    printScripts(scripts);
    console.log("");
    printTargets(samples, scripts);
    printNotes(editorChunks.source);
    if (httpErrors.length > 0) console.log(`\nHTTP errors seen: ${[...new Set(httpErrors)].join(", ")}`);
    console.log(`\nload average at the end ${load()}`);
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
  }
  if (offHost.length > 0) {
    console.log(
      `\nFAIL: the page requested hosts other than loopback (sent to a dead proxy): ${[...new Set(offHost)].join(", ")}`,
    );
    return 1;
  }
  return 0;
}

/** Record the context's off-host requests and HTTP errors, and add the timing probe (with the seeded spell). */
async function watchContext(
  context: BrowserContext,
  seed: string | null,
  offHost: string[],
  httpErrors: string[],
): Promise<BrowserContext> {
  context.on("request", (r) => {
    if (!isLoopback(new URL(r.url()))) offHost.push(r.url());
  });
  context.on("response", (r) => {
    if (r.status() >= 400) httpErrors.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  await addProbe(context, seed);
  return context;
}

async function withContext<T>(open: () => Promise<BrowserContext>, fn: (c: BrowserContext) => Promise<T>): Promise<T> {
  const context = await open();
  try {
    return await fn(context);
  } finally {
    await context.close();
  }
}

function isLoopback(url: URL): boolean {
  if (url.protocol === "data:" || url.protocol === "blob:" || url.protocol === "about:") return true;
  return url.hostname === "127.0.0.1" || url.hostname === "localhost" || url.hostname === "[::1]";
}

/**
 * Tells the editor import's chunks: the files the build's loadable manifest for `/` lists for the lazy import
 * that holds Monaco (its key names MonacoSpellEditor under webpack; under Turbopack keys are module ids, so the
 * entry whose chunks on disk mention MonacoEnvironment). Without a manifest: chunks whose code mentions it.
 */
function readEditorChunkTest(): { test: (url: string, body: Buffer) => boolean; source: string } {
  const files = readEditorChunkFiles();
  if (files.size > 0) {
    const test = (url: string) => files.has(decodeURIComponent(new URL(url).pathname).replace(/^\/_next\//, ""));
    return { test, source: `the ${files.size} JS file(s) the build's loadable manifest lists for the Monaco import` };
  }
  return {
    test: (_url, body) => body.includes("MonacoEnvironment"),
    source: "chunks whose code mentions MonacoEnvironment (no loadable manifest entry found)",
  };
}

function readEditorChunkFiles(): Set<string> {
  const files = new Set<string>();
  const dist = path.join(ROOT, DIST_DIR);
  const manifest = path.join(dist, "server", "app", "page", "react-loadable-manifest.json");
  if (!existsSync(manifest)) return files;
  const entries = JSON.parse(readFileSync(manifest, "utf8")) as Record<string, { files?: string[] }>;
  for (const [key, entry] of Object.entries(entries)) {
    const js = (entry.files ?? []).map((f) => f.replace(/^\/?(_next\/)?/, "")).filter((f) => f.endsWith(".js"));
    const holdsMonaco = (f: string) =>
      existsSync(path.join(dist, f)) && readFileSync(path.join(dist, f), "utf8").includes("MonacoEnvironment");
    if (key.includes("MonacoSpellEditor") || js.some(holdsMonaco)) for (const f of js) files.add(f);
  }
  return files;
}

type TimeMark = "editorReady" | "runKey" | "output";

function toSamples(cache: "cold" | "warm", marks: LoadMarks[]): Sample[] {
  const pick = (f: (m: LoadMarks) => number | null) =>
    marks.map(f).filter((v): v is number => v !== null && Number.isFinite(v));
  const since = (a: TimeMark, b: TimeMark) => pick((m) => (m[a] !== null && m[b] !== null ? m[b]! - m[a]! : null));
  const note = cache === "cold" ? "fresh context per load" : "one on-disk profile, after 2 priming loads";
  return [
    { name: `${cache}: first paint`, unit: "ms", values: pick((m) => m.firstPaint), note },
    { name: `${cache}: first contentful paint`, unit: "ms", values: pick((m) => m.firstContentfulPaint) },
    {
      name: `${cache}: playground hydrated`,
      unit: "ms",
      values: pick((m) => m.appReady),
      note: "stores created, shell replaced",
    },
    { name: `${cache}: editor ready`, unit: "ms", values: pick((m) => m.editorReady), note: "Monaco mounted" },
    {
      name: `${cache}: first output of ${SPELL}`,
      unit: "ms",
      values: pick((m) => m.output),
      note: "Ctrl+Enter once the editor is ready",
    },
    {
      name: `${cache}:   editor ready -> Ctrl+Enter`,
      unit: "ms",
      values: since("editorReady", "runKey"),
      note: "harness: poll + key press",
    },
    { name: `${cache}:   Ctrl+Enter -> "hi"`, unit: "ms", values: since("runKey", "output") },
  ];
}

/** Loads where Ctrl+Enter was pressed as soon as the page was hydrated (the code in the placeholder). */
function toEarlySamples(cache: "cold" | "warm", marks: LoadMarks[]): Sample[] {
  const pick = (f: (m: LoadMarks) => number | null) =>
    marks.map(f).filter((v): v is number => v !== null && Number.isFinite(v));
  return [
    {
      name: `${cache}: first output, Run at hydration`,
      unit: "ms",
      values: pick((m) => m.output),
      note: "Ctrl+Enter before Monaco is ready",
    },
    {
      name: `${cache}:   hydrated -> Ctrl+Enter`,
      unit: "ms",
      values: pick((m) => (m.appReady !== null && m.runKey !== null ? m.runKey - m.appReady : null)),
      note: "harness: poll + key press",
    },
    {
      name: `${cache}:   Ctrl+Enter -> "hi"`,
      unit: "ms",
      values: pick((m) => (m.runKey !== null && m.output !== null ? m.output - m.runKey : null)),
      note: "engine worker may still be warming",
    },
  ];
}

function printScripts(report: ScriptReport): void {
  const sum = (list: ScriptLoad[]) =>
    `${list.length} file(s), ${kib(list.reduce((n, s) => n + s.gzipBytes, 0))} KiB gzip (${kib(list.reduce((n, s) => n + s.bytes, 0))} KiB raw)`;
  const html = new Set(report.htmlScripts);
  const counted = new Set([...report.beforeEditor, ...report.editor]);
  console.log(`JS before the editor chunk: ${sum(report.beforeEditor)}`);
  console.log(`  of it in the HTML's <script src> tags: ${sum(report.beforeEditor.filter((s) => html.has(s.url)))}`);
  console.log(`JS of the editor (Monaco) import: ${sum(report.editor)}`);
  console.log(`JS after (workers, other lazy chunks): ${sum(report.scripts.filter((s) => !counted.has(s)))}`);
  console.log(
    `total JS including Monaco: ${sum(report.scripts)}${report.unread > 0 ? `; ${report.unread} response body(ies) unreadable, not counted` : ""}`,
  );
  const largest = (title: string, list: ScriptLoad[], count: number) => {
    console.log(`${title} (gzip KiB):`);
    for (const s of [...list].sort((a, b) => b.gzipBytes - a.gzipBytes).slice(0, count)) {
      console.log(
        `  ${kib(s.gzipBytes).padStart(7)}  ${new URL(s.url).pathname}${html.has(s.url) ? "" : "  (requested by script)"}`,
      );
    }
  };
  largest("largest before the editor chunk", report.beforeEditor, 6);
  largest("largest of the editor import", report.editor, 4);
  largest(
    "largest after",
    report.scripts.filter((s) => !counted.has(s)),
    4,
  );
}

function printTargets(samples: Sample[], scripts: ScriptReport): void {
  const values = (name: string) => samples.find((s) => s.name === name)?.values ?? [];
  const check = (label: string, v: number[], target: number, unit: string) => {
    const m = median(v);
    const verdict = !Number.isFinite(m) ? "NOT MEASURED" : m < target ? "met" : `MISSED by ${fmt(m - target)} ${unit}`;
    console.log(`${label} ${fmt(m)} ${unit}, p95 ${fmt(p95(v))} (target < ${target} ${unit}): ${verdict}`);
  };
  console.log("targets (medians):");
  check("  first paint (cold)", values("cold: first paint"), TARGETS.firstPaintMs, "ms");
  check("  first paint (warm)", values("warm: first paint"), TARGETS.firstPaintMs, "ms");
  check(
    `  first output (warm, Run once Monaco is ready)`,
    values(`warm: first output of ${SPELL}`),
    TARGETS.warmOutputMs,
    "ms",
  );
  check(
    `  first output (warm, Run as soon as the page is hydrated)`,
    values("warm: first output, Run at hydration"),
    TARGETS.warmOutputMs,
    "ms",
  );
  const before = scripts.beforeEditor.reduce((n, s) => n + s.gzipBytes, 0) / 1024;
  const verdict =
    before < TARGETS.jsBeforeEditorKiB ? "met" : `MISSED by ${fmt(before - TARGETS.jsBeforeEditorKiB)} KiB`;
  console.log(
    `  JS before the editor chunk ${fmt(before)} KiB gzip (target < ${TARGETS.jsBeforeEditorKiB} KiB): ${verdict}`,
  );
}

function printNotes(editorChunks: string): void {
  console.log(`
notes:
  times are the page's performance.now() (ms since navigation start), stamped in the page: paints from
  performance.getEntriesByType("paint"); "playground hydrated", "editor ready" and the "hi" line by a
  MutationObserver installed before the page's scripts (the DOM change, before its paint); Ctrl+Enter by a
  capturing keydown listener.
  "first output": the code is set through the app's own store: an unmeasured load typed ${SPELL} as the e2e
  tests do and ran it; what the app then saved as the "last spell" is put in localStorage before each measured
  load, so the editor opens with it (as for a returning user). Playwright presses Ctrl+Enter as soon as it sees
  the editor ready; that gap (polling every 10 ms plus the key press round trip) is included and shown apart.
  "Run at hydration": the same, but Ctrl+Enter as soon as the hydrated playground is in the DOM: the editor's
  placeholder already shows the code and Run takes it from the store while Monaco is still loading.
  Cold: a fresh off-the-record browser context per load. Warm: new tabs in one context with a profile on disk
  (HTTP cache and V8 code cache, as in a returning user's browser) after two priming loads. They alternate.
  JS sizes come from one cold load: every script response (page and workers) gzipped with node:zlib level 9;
  "before the editor chunk" = requested before the first chunk of the Monaco import, i.e. of
  ${editorChunks}.
  No request interception (Playwright's routes would turn the HTTP cache off): off-host requests go to a dead
  proxy and are reported.`);
}

/** Kill the server's process group however this process ends (errors, Ctrl+C, the time budget). */
function stopServerOnExit(server: PageServer): void {
  process.once("exit", () => server.killNow());
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      server.killNow();
      process.exit(130);
    });
  }
  setTimeout(() => {
    console.error(`page bench: over the ${BUDGET_MS / 1000} s budget, stopping`);
    server.killNow();
    process.exit(1);
  }, BUDGET_MS).unref();
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
