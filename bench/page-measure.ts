/**
 * What the page-load benchmark measures in Chromium, one navigation at a time: paint timings, the moment Monaco
 * is ready, the first output of a `print("hi")` run, and the JavaScript the page loads before the editor chunk.
 * All times are the page's own `performance.now()`, i.e. milliseconds since navigation start. Used by
 * `bench/page.ts`.
 */
import { gzipSync } from "node:zlib";
import type { BrowserContext, Page, Request } from "@playwright/test";
import { EDITOR_LAST_KEY } from "@/lib/store/editor";

/** The spell run for "first output", and the console line it prints. */
export const SPELL = 'print("hi")';
const OUTPUT = "hi";

/** Timestamps in ms since navigation start; null when the page never got there. */
export interface LoadMarks {
  firstPaint: number | null;
  firstContentfulPaint: number | null;
  /** The hydrated playground (`[data-testid="playground"]`, its stores created) replaced the server-painted shell. */
  appReady: number | null;
  /** `[data-editor-ready="true"]` holds a `.monaco-editor` (what the e2e tests wait for). */
  editorReady: number | null;
  /** The Ctrl+Enter keydown reached the page (pressed by Playwright once it saw the editor ready, or the page hydrated). */
  runKey: number | null;
  /** A console line reading "hi" is in the DOM. */
  output: number | null;
  /** The page's script resources (Resource Timing) and how many came from the HTTP cache (transferSize 0). */
  scripts: { total: number; fromCache: number };
}

/** What the init script keeps on `window.__pageBench` (set by DOM observation, not polling). */
interface ProbeMarks {
  appReady: number | null;
  editorReady: number | null;
  runKey: number | null;
  output: number | null;
}
type ProbeWindow = Window & { __pageBench?: ProbeMarks };

/**
 * Runs in every document before the page's own scripts: a MutationObserver stamps the hydrated playground, the
 * editor becoming ready and the "hi" line appearing; a capturing keydown listener stamps Ctrl+Enter.
 * Self-contained (it is serialized).
 */
function installProbe(output: string): void {
  const probe: ProbeMarks = { appReady: null, editorReady: null, runKey: null, output: null };
  (window as ProbeWindow).__pageBench = probe;
  const check = () => {
    if (probe.appReady === null && document.querySelector('[data-testid="playground"]'))
      probe.appReady = performance.now();
    if (probe.editorReady === null && document.querySelector('[data-editor-ready="true"] .monaco-editor'))
      probe.editorReady = performance.now();
    if (probe.output === null && probe.runKey !== null) {
      for (const line of document.querySelectorAll('[data-testid="console"] [data-level="log"]')) {
        if (line.textContent?.trim() === output) {
          probe.output = performance.now();
          break;
        }
      }
    }
    if (probe.editorReady !== null && probe.output !== null) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ["data-editor-ready"],
  });
  window.addEventListener(
    "keydown",
    (e: KeyboardEvent) => {
      if (probe.runKey === null && e.key === "Enter" && (e.ctrlKey || e.metaKey)) probe.runKey = performance.now();
    },
    true,
  );
}

/**
 * Add the probe to a context (before its first page), and put `seed` (what the app itself stored after running
 * SPELL, see primeSpell) into the "last spell" localStorage entry, so the app's editor store opens with SPELL.
 * tsx compiles functions with esbuild's `__name` helper, which serialized functions (this probe, and those passed
 * to evaluate) call: the script defines it first.
 */
export async function addProbe(context: BrowserContext, seed: string | null): Promise<void> {
  const nameHelper = "globalThis.__name ??= (fn) => fn;";
  const seedStore =
    seed === null
      ? ""
      : `try { localStorage.setItem(${JSON.stringify(EDITOR_LAST_KEY)}, ${JSON.stringify(seed)}); } catch {}`;
  await context.addInitScript({
    content: `${nameHelper}\n${seedStore}\n(${installProbe.toString()})(${JSON.stringify(OUTPUT)});`,
  });
}

/**
 * When Playwright presses Ctrl+Enter: once Monaco is ready, or as soon as the hydrated playground is there (the
 * code then shows in the editor's placeholder and runs from the store; Monaco is still loading).
 */
export type RunWhen = "editorReady" | "appReady";

/**
 * One navigation in a new page of `context`: load, wait until Monaco is ready (or the page is hydrated, see
 * RunWhen), press Ctrl+Enter (the editor
 * already holds SPELL, restored by the app's store from the seeded localStorage), wait for "hi".
 * Every wait is bounded by `timeoutMs`.
 */
export async function measureLoad(
  context: BrowserContext,
  url: string,
  timeoutMs: number,
  beforeClose?: (page: Page) => Promise<unknown>,
  runWhen: RunWhen = "editorReady",
): Promise<LoadMarks> {
  return withPage(context, url, timeoutMs, runWhen, async (page) => {
    await page.keyboard.press("ControlOrMeta+Enter");
    await waitForMark(page, "output");
    const marks = await page.evaluate(() => {
      const probe = (window as ProbeWindow).__pageBench ?? {
        appReady: null,
        editorReady: null,
        runKey: null,
        output: null,
      };
      const paint = (name: string) =>
        performance.getEntriesByType("paint").find((e) => e.name === name)?.startTime ?? null;
      const scripts = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter(
        (e) => e.initiatorType === "script" && e.decodedBodySize > 0,
      );
      const fromCache = scripts.filter((e) => e.transferSize === 0).length;
      return {
        firstPaint: paint("first-paint"),
        firstContentfulPaint: paint("first-contentful-paint"),
        ...probe,
        scripts: { total: scripts.length, fromCache },
      };
    });
    await beforeClose?.(page);
    return marks;
  });
}

/**
 * Unmeasured: load, set SPELL the way the e2e tests do (click, select all, delete, one insertText), run it, and
 * return what the app then wrote to its "last spell" localStorage entry (the seed for addProbe).
 */
export async function primeSpell(context: BrowserContext, url: string, timeoutMs: number): Promise<string> {
  return withPage(context, url, timeoutMs, "editorReady", async (page) => {
    await setSpell(page);
    await page.keyboard.press("ControlOrMeta+Enter");
    await waitForMark(page, "output");
    const stored = await page.evaluate((key) => localStorage.getItem(key), EDITOR_LAST_KEY);
    if (!stored?.includes("hi")) throw new Error(`the app did not store the spell under ${EDITOR_LAST_KEY}`);
    return stored;
  });
}

/** Open a page, navigate, wait for `ready` (the editor, or the hydrated page), hand it to `fn`, close it. */
async function withPage<T>(
  context: BrowserContext,
  url: string,
  timeoutMs: number,
  ready: RunWhen,
  fn: (page: Page) => Promise<T>,
): Promise<T> {
  const page = await context.newPage();
  page.setDefaultTimeout(timeoutMs);
  try {
    await page.goto(url, { waitUntil: "commit", timeout: timeoutMs });
    await waitForMark(page, ready);
    // The hydrated DOM is there before React runs its effects (the page's key handler among them): let one frame
    // pass, as any person would before pressing a key.
    if (ready === "appReady")
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
    return await fn(page);
  } finally {
    await page.close();
  }
}

async function waitForMark(page: Page, mark: keyof ProbeMarks): Promise<void> {
  await page.waitForFunction((m) => (window as ProbeWindow).__pageBench?.[m] != null, mark, { polling: 10 });
}

/** Replace the editor's text as `e2e/playground-helpers.ts` setSource does; returns when the editor shows it. */
export async function setSpell(page: Page, spell = SPELL): Promise<void> {
  await page
    .locator(".monaco-editor")
    .first()
    .click({ position: { x: 120, y: 20 } });
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(spell);
  await page.waitForFunction((expected) => {
    const lines = [...document.querySelectorAll(".monaco-editor .view-lines .view-line")] as HTMLElement[];
    const text = lines
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
      .map((l) => (l.textContent ?? "").replace(/\u00a0/g, " ").trimEnd())
      .join("\n")
      .trimEnd();
    return text === expected;
  }, spell);
}

/** One script the page loaded (each URL once), in the order its first request was issued. */
export interface ScriptLoad {
  url: string;
  order: number;
  bytes: number;
  /** Gzip of the response body with node:zlib at level 9. */
  gzipBytes: number;
  /** One of the files of the lazily loaded editor (Monaco) import. */
  editor: boolean;
}

export interface ScriptReport {
  scripts: ScriptLoad[];
  /** Scripts whose request was issued before the editor's first chunk that the HTML does not itself load. */
  beforeEditor: ScriptLoad[];
  /** The editor import's chunks requested from then on. */
  editor: ScriptLoad[];
  /** `<script src>` tags of the HTML document itself. */
  htmlScripts: string[];
  /** Script responses whose body could not be read (not counted above). */
  unread: number;
}

/**
 * Load the page once in `context` (meant to be fresh: a cold cache, so every body comes from the server), run
 * the spell, and list every JavaScript response with its gzip size. `isEditorChunk` tells the Monaco chunks.
 */
export async function collectScripts(
  context: BrowserContext,
  url: string,
  isEditorChunk: (url: string, body: Buffer) => boolean,
  timeoutMs: number,
): Promise<ScriptReport> {
  const order = new Map<Request, number>();
  const pending: Promise<ScriptLoad | null>[] = [];
  let html: Promise<string> = Promise.resolve("");
  context.on("request", (request) => {
    if (isScript(request)) order.set(request, order.size);
  });
  context.on("response", (response) => {
    const request = response.request();
    if (request.isNavigationRequest() && request.resourceType() === "document") {
      html = response.text().catch(() => "");
      return;
    }
    if (!order.has(request)) return;
    pending.push(
      response.body().then(
        (body) => ({
          url: request.url(),
          order: order.get(request)!,
          bytes: body.length,
          gzipBytes: gzipSync(body, { level: 9 }).length,
          editor: isEditorChunk(request.url(), body),
        }),
        () => null,
      ),
    );
  });
  let settled: (ScriptLoad | null)[] = [];
  await measureLoad(context, url, timeoutMs, async (page) => {
    // Late chunks (Monaco's workers, lazy features) count in the total: wait for the network to go quiet.
    await page.waitForLoadState("networkidle", { timeout: 5000 }).catch(() => {});
    await page.waitForTimeout(500);
    // Bodies are read while the page is still open; responses that arrive meanwhile join `pending`.
    for (let n = -1; n !== pending.length;) {
      n = pending.length;
      settled = await Promise.all(pending);
    }
  });
  // A URL fetched again (a worker loading a chunk the page has) is shipped once: keep its first request.
  const byUrl = new Map<string, ScriptLoad>();
  for (const s of settled.filter((x): x is ScriptLoad => x !== null).sort((a, b) => a.order - b.order))
    if (!byUrl.has(s.url)) byUrl.set(s.url, s);
  const scripts = [...byUrl.values()];
  const htmlScripts = [...(await html).matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map(
    (m) => new URL(m[1].replace(/&amp;/g, "&"), url).href,
  );
  // A chunk the editor import shares with the page may already have come with the HTML: it counts as before.
  const editorStart = scripts.find((s) => s.editor && !htmlScripts.includes(s.url))?.order ?? Infinity;
  return {
    scripts,
    beforeEditor: scripts.filter((s) => s.order < editorStart),
    editor: scripts.filter((s) => s.editor && s.order >= editorStart),
    htmlScripts,
    unread: settled.filter((x) => x === null).length,
  };
}

function isScript(request: Request): boolean {
  return request.resourceType() === "script" || /\.m?js$/.test(new URL(request.url()).pathname);
}
