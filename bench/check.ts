/**
 * `npm run bench:check`: how fast the checker answers.
 *
 * 1. Check time of a 1,000-line spell in each language: `checkSpell`, the code the page's worker runs, in this
 *    process after a warm-up (target: under 50 ms). The spell is the examples, concatenated with their locals
 *    renamed per copy, until it reaches 1,000 lines: real API calls, builders, tools, loops and functions.
 * 2. Keystroke-to-marker latency in Chromium against `next start` (production build): one keystroke that makes
 *    the spell wrong (an `x` after `print(1)`) until the editor draws the error squiggle, timed inside the page
 *    (keydown to the squiggle's DOM node); then Backspace until it is gone. Includes the 250 ms debounce, the
 *    worker round trip and Monaco's rendering (target: under 400 ms).
 *
 *   npx tsx bench/check.ts [--runs N] [--port P] [--build] [--no-page]
 *
 * Builds only when `$NEXT_DIST_DIR` (default `.next`) has no BUILD_ID, or with --build. Bounded: a few seconds
 * for part 1, about a minute for part 2.
 */
import { readdirSync, readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { checkSpell } from "../lib/check";
import type { SpellLanguage } from "../lib/core/dialect";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../e2e/chromium";
import { ensureBuild, findFreePort, ROOT, startServer } from "./page-server";
import { formatTable, median, type Sample } from "./stats";

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i >= 0 && Number.isFinite(Number(argv[i + 1])) ? Number(argv[i + 1]) : fallback;
};
const RUNS = option("--runs", 20);
const PORT = option("--port", 3192);
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";
const TARGETS = { checkMs: 50, markerMs: 400 };
const LINES = 1000;

/** A spell of at least LINES lines made of the examples (each copy in a `do ... end` / block of its own). */
function buildSpell(language: SpellLanguage): string {
  const ext = language === "lua" ? ".lua" : ".js";
  const dir = path.join(ROOT, "examples");
  const sources = readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => readFileSync(path.join(dir, f), "utf8"));
  const out: string[] = [];
  for (let copy = 0; out.length < LINES; copy++) {
    const body = sources[copy % sources.length];
    // A block per copy keeps each copy's locals its own (a JS copy at top level would redeclare its consts).
    if (language === "lua") out.push("do", ...body.split("\n"), "end");
    else out.push(`async function copy${copy}() {`, ...body.split("\n"), "}", `await copy${copy}();`);
  }
  return out.join("\n");
}

function measureCheck(language: SpellLanguage): { sample: Sample; lines: number; diagnostics: number } {
  const spell = buildSpell(language);
  for (let i = 0; i < 5; i++) checkSpell(spell, language);
  const values: number[] = [];
  let diagnostics = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    diagnostics = checkSpell(spell, language).length;
    values.push(performance.now() - t0);
  }
  const lines = spell.split("\n").length;
  const note = `target < ${TARGETS.checkMs} ms: ${median(values) < TARGETS.checkMs ? "met" : "MISSED"}`;
  return { sample: { name: `check ${lines}-line ${language} spell`, unit: "ms", values, note }, lines, diagnostics };
}

/**
 * Arms a timer in the page: from the next keydown to the first error squiggle in the editor. Resolves with the
 * milliseconds between them; `__benchArmed` tells the caller the listener is in place.
 */
function measureMarker(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        let typedAt = 0;
        window.addEventListener("keydown", () => (typedAt = performance.now()), { capture: true, once: true });
        const observer = new MutationObserver(() => {
          if (typedAt && document.querySelector(".monaco-editor .squiggly-error")) {
            observer.disconnect();
            resolve(performance.now() - typedAt);
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
        setTimeout(() => reject(new Error("no squiggle within 10 s")), 10_000);
        (window as unknown as { __benchArmed?: boolean }).__benchArmed = true;
      }),
  );
}

async function latency(page: Page, language: SpellLanguage): Promise<Sample> {
  await page
    .getByRole("radiogroup", { name: "Spell language" })
    .getByRole("radio", { name: language === "lua" ? "Lua" : "JavaScript" })
    .click();
  const editor = page.locator(".monaco-editor").first();
  await editor.click({ position: { x: 120, y: 20 } });
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(language === "lua" ? "print(1)" : "print(1);");
  await page.locator(".monaco-editor .squiggly-error").first().waitFor({ state: "detached", timeout: 10_000 });
  const values: number[] = [];
  for (let i = 0; i < Math.min(RUNS, 8); i++) {
    await page.keyboard.press("End");
    const measured = measureMarker(page);
    // The page arms its listener first; then the keystroke.
    await page.waitForFunction(() => (window as unknown as { __benchArmed?: boolean }).__benchArmed === true);
    await page.evaluate(() => ((window as unknown as { __benchArmed?: boolean }).__benchArmed = false));
    await page.keyboard.type("x");
    values.push(await measured);
    await page.keyboard.press("Backspace");
    await page.locator(".monaco-editor .squiggly-error").first().waitFor({ state: "detached", timeout: 10_000 });
  }
  const note = `target < ${TARGETS.markerMs} ms: ${median(values) < TARGETS.markerMs ? "met" : "MISSED"}`;
  return { name: `keystroke to marker, ${language}`, unit: "ms", values, note };
}

async function main(): Promise<void> {
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
  console.log(`llmspell check bench: node ${process.version}, ${cpus().length} cpu(s), load average ${load}`);
  const samples: Sample[] = [];
  for (const language of ["lua", "javascript"] as const) {
    const { sample, lines, diagnostics } = measureCheck(language);
    console.log(`${language}: ${lines} lines, ${diagnostics} diagnostics (infos included), ${RUNS} checks`);
    samples.push(sample);
  }
  if (!argv.includes("--no-page")) {
    const build = ensureBuild(DIST_DIR, argv.includes("--build"));
    const server = await startServer(DIST_DIR, await findFreePort(PORT));
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      console.log(`chromium ${browser.version()}, next start on ${server.url} (build in ${DIST_DIR} ${build})`);
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${server.url}/`);
      await page.locator('[data-editor-ready="true"]').waitFor({ timeout: 30_000 });
      for (const language of ["lua", "javascript"] as const) samples.push(await latency(page, language));
    } finally {
      await browser.close();
      await server.stop();
    }
  }
  console.log("");
  console.log(formatTable(samples));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
