import { test, expect } from "./fixtures";
import { chooseLanguage, consoleLocator, openPlayground, runWithShortcut, setSource, waitForRunEnd } from "./playground-helpers";

async function startLoop(page: import("@playwright/test").Page) {
  await runWithShortcut(page);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "running");
  // Let the engine really enter the loop.
  await page.waitForTimeout(300);
}

async function expectNextRunWorks(page: import("@playwright/test").Page, marker: string, source: string) {
  await setSource(page, source);
  const t0 = Date.now();
  await runWithShortcut(page);
  await expect(consoleLocator(page)).toContainText(marker, { timeout: 5_000 });
  expect(await waitForRunEnd(page)).toBe("done");
  return Date.now() - t0;
}

test("Stop ends `while true do end` at once and the next run starts within a second", async ({ page }) => {
  await openPlayground(page);
  await setSource(page, "while true do end");
  await startLoop(page);
  const t0 = Date.now();
  await page.getByRole("button", { name: "Stop" }).click();
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "cancelled");
  const stopMs = Date.now() - t0;
  expect(stopMs).toBeLessThan(1000);
  await expect(consoleLocator(page)).toContainText("cancelled");
  const nextMs = await expectNextRunWorks(page, "after stop", 'print("after stop")');
  expect(nextMs).toBeLessThan(1000);
});

test("Esc stops an endless JavaScript loop and the next run works", async ({ page }) => {
  await openPlayground(page);
  await chooseLanguage(page, "JavaScript");
  await expect(page.locator('[data-editor-ready="true"]')).toBeVisible();
  await setSource(page, "for (;;) {}");
  await startLoop(page);
  const t0 = Date.now();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "cancelled");
  expect(Date.now() - t0).toBeLessThan(1000);
  const nextMs = await expectNextRunWorks(page, "after esc", 'console.log("after esc")');
  expect(nextMs).toBeLessThan(1000);
});

test("Stop ends a long C call (string.rep) too", async ({ page }) => {
  await openPlayground(page);
  await setSource(page, 'local s = 0\nfor i = 1, 1e12 do s = s + #string.rep("x", 1000) end');
  await startLoop(page);
  const t0 = Date.now();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "cancelled");
  expect(Date.now() - t0).toBeLessThan(1000);
  expect(await expectNextRunWorks(page, "still alive", 'print("still alive")')).toBeLessThan(1000);
});
