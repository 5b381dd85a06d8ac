import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import {
  chooseLanguage,
  consoleLocator,
  openPlayground,
  runWithShortcut,
  setSource,
  waitForRunEnd,
} from "./playground-helpers";

/**
 * Latencies are measured inside the page (from the input event's timestamp to the DOM change) and printed, so
 * a run shows the app's numbers; they are not asserted (timings belong in bench/: bench/host.ts and
 * bench/page.ts measure Stop and the next run). The tests assert what happens: the run ends cancelled, and
 * the next run prints and finishes.
 */
async function installMeters(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __m: Record<string, number> };
    w.__m = {};
    const status = document.querySelector('[data-testid="run-status"]')!;
    new MutationObserver(() => {
      const s = status.getAttribute("data-status")!;
      w.__m[s] = performance.now();
    }).observe(status, { attributes: true, attributeFilter: ["data-status"] });
    const log = document.querySelector('[data-testid="console"]')!;
    new MutationObserver(() => {
      if (w.__m.marker === undefined && (log.textContent ?? "").includes("NEXT-RUN-OK"))
        w.__m.marker = performance.now();
    }).observe(log, { childList: true, subtree: true, characterData: true });
    const mark = (name: string) => (e: Event) => {
      w.__m[name] = e.timeStamp;
    };
    window.addEventListener(
      "keydown",
      (e) => {
        if (e.key === "Escape") mark("stopInput")(e);
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) mark("runInput")(e);
      },
      true,
    );
    document
      .querySelector('button[aria-label="Stop"], button[aria-keyshortcuts="Escape"]')
      ?.addEventListener("pointerdown", mark("stopInput"), true);
  });
}

const meters = (page: Page) => page.evaluate(() => (window as unknown as { __m: Record<string, number> }).__m);

async function startLoop(page: Page) {
  await runWithShortcut(page);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "running");
  await page.waitForTimeout(300); // let the engine really enter the loop
}

async function expectNextRunToWork(page: Page, source: string) {
  await setSource(page, source);
  await page.evaluate(() => {
    const w = window as unknown as { __m: Record<string, number> };
    delete w.__m.marker;
  });
  await runWithShortcut(page);
  await expect(consoleLocator(page)).toContainText("NEXT-RUN-OK", { timeout: 10_000 });
  expect(await waitForRunEnd(page)).toBe("done");
  const m = await meters(page);
  const nextMs = m.marker - m.runInput;
  console.log(`next run: first output ${nextMs.toFixed(0)} ms after Ctrl+Enter`);
}

test("Stop ends `while true do end` and the next run works", async ({ page }) => {
  await openPlayground(page);
  await installMeters(page);
  await setSource(page, "while true do end");
  await startLoop(page);
  await page.getByRole("button", { name: "Stop" }).click();
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "cancelled");
  const m = await meters(page);
  console.log(`stop (button): ${(m.cancelled - m.stopInput).toFixed(0)} ms`);
  await expect(consoleLocator(page)).toContainText("cancelled");
  await expectNextRunToWork(page, 'print("NEXT-RUN-OK")');
});

test("Esc stops an endless JavaScript loop and the next run works", async ({ page }) => {
  await openPlayground(page);
  await chooseLanguage(page, "JavaScript");
  await expect(page.locator('[data-editor-ready="true"]')).toBeVisible();
  await installMeters(page);
  await setSource(page, "for (;;) {}");
  await startLoop(page);
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "cancelled");
  const m = await meters(page);
  console.log(`stop (Esc): ${(m.cancelled - m.stopInput).toFixed(0)} ms`);
  await expectNextRunToWork(page, 'console.log("NEXT-RUN-OK")');
});

test("Stop ends a long C call (string.rep) too", async ({ page }) => {
  await openPlayground(page);
  await installMeters(page);
  await setSource(page, 'local s = 0\nfor i = 1, 1e12 do s = s + #string.rep("x", 100000) end');
  await startLoop(page);
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "cancelled");
  const m = await meters(page);
  console.log(`stop (Esc, long C call): ${(m.cancelled - m.stopInput).toFixed(0)} ms`);
  await expectNextRunToWork(page, 'print("NEXT-RUN-OK")');
});
