/** Shared steps for the playground e2e specs. */
import type { Browser, Page } from "@playwright/test";
import { expect } from "./fixtures";

/** Open the playground and wait until Monaco has mounted (so typing goes into the editor). */
export async function openPlayground(page: Page, path = "/"): Promise<void> {
  await page.goto(path);
  await expect(page.getByTestId("playground")).toBeVisible();
  await expect(page.locator('[data-editor-ready="true"]')).toBeVisible({ timeout: 20_000 });
}

/** Replace the editor's text (inserted as one edit, so Monaco's auto-closing does not double brackets). */
export async function setSource(page: Page, source: string): Promise<void> {
  const editor = page.locator(".monaco-editor").first();
  await editor.click({ position: { x: 120, y: 20 } });
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(source);
  await expect.poll(async () => normalize(await editorText(page))).toBe(normalize(source));
}

/** The editor's text, read from Monaco's model through the DOM-free API the page keeps on the editor element. */
async function editorText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const lines = [...document.querySelectorAll(".monaco-editor .view-lines .view-line")] as HTMLElement[];
    // Lines render in visual order by their `top`.
    return lines
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
      .map((l) => (l.textContent ?? "").replace(/\u00a0/g, " "))
      .join("\n");
  });
}

function normalize(s: string): string {
  return s
    .replace(/\s+$/g, "")
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n");
}

export async function runWithShortcut(page: Page): Promise<void> {
  await page.keyboard.press("ControlOrMeta+Enter");
}

/** Wait for the run to end; returns the final status. */
export async function waitForRunEnd(page: Page, timeout = 20_000): Promise<string> {
  const status = page.getByTestId("run-status");
  await expect(status).toHaveAttribute("data-status", /^(done|failed|cancelled)$/, { timeout });
  return (await status.getAttribute("data-status")) ?? "";
}

export function consoleLocator(page: Page) {
  return page.getByTestId("console");
}

/** Pick a language with the header switch. */
export async function chooseLanguage(page: Page, language: "Lua" | "JavaScript"): Promise<void> {
  await page.getByRole("radiogroup", { name: "Spell language" }).getByRole("radio", { name: language }).click();
  await expect(page.getByTestId("spell-editor")).toHaveAttribute(
    "data-language",
    language === "Lua" ? "lua" : "javascript",
  );
}

export const SCREENSHOT_DIR = process.env.E2E_SCREENSHOT_DIR ?? "/tmp/u-screens";

/** Run `fn` in a new browser context (a fresh browser: no storage), with the fixture's no-leaving-the-machine guard. */
export async function inFreshContext<T>(browser: Browser, fn: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  // The same no-leaving-the-machine guard as the fixture, for this extra context.
  const offHost: string[] = [];
  await context.route(
    (url) => !["127.0.0.1", "localhost"].includes(url.hostname) && !/^(data|blob|about):/.test(url.protocol),
    async (route) => {
      offHost.push(route.request().url());
      await route.abort("blockedbyclient");
    },
  );
  try {
    return await fn(await context.newPage());
  } finally {
    await context.close();
    expect(offHost).toEqual([]);
  }
}
