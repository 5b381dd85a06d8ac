import { readFile } from "node:fs/promises";
import { test, expect } from "./fixtures";
import { consoleLocator, openPlayground, runWithShortcut, setSource, waitForRunEnd } from "./playground-helpers";

/**
 * A spell printing 100,000 lines: the run stops printing at the 1 MiB output cap (about 28,600 lines), the console
 * keeps the last 5,000 of them in a virtualized list, and the rest are counted in the note and downloadable. How
 * long the page's main thread is blocked meanwhile is a timing, measured outside the tests (README, "The console").
 */
test("100,000 prints: the console keeps a window, counts the dropped lines, and downloads them all", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openPlayground(page);
  await setSource(page, "for i = 1, 100000 do print(i) end");
  await expect(page.getByTestId("run-status")).toHaveText(/Ready/, { timeout: 30_000 });
  await runWithShortcut(page);
  expect(await waitForRunEnd(page, 60_000)).toBe("done");

  // The console shows the newest lines and one note counting every line it dropped.
  const log = consoleLocator(page);
  await expect(log).toContainText("[output truncated: the run printed more than 1 MiB");
  const note = log.getByTestId("dropped-note");
  await expect(note).toHaveText(/^\d[\d,]* earlier lines were dropped/);
  const dropped = Number((await note.innerText()).replace(/,/g, "").match(/^\d+/)![0]);
  // Only a window of rows is in the DOM.
  expect(await log.locator("[data-row]").count()).toBeLessThan(200);

  // The download holds every printed line up to the output cap, from 1 on.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download output" }).click();
  const file = await (await download).path();
  const lines = (await readFile(file, "utf8")).split("\n");
  expect(lines[0]).toBe("1");
  const numbers = lines.filter((l) => /^\d+$/.test(l)).map(Number);
  expect(numbers.length).toBeGreaterThan(25_000);
  expect(numbers.every((n, i) => n === i + 1)).toBe(true);
  // What the console dropped is what the download has beyond the console's window: it keeps 5,000 to 5,500 lines
  // (it trims in batches of 500), plus a few lines that are not numbers.
  expect(dropped).toBeGreaterThan(numbers.length - 5500 - 10);
  expect(dropped).toBeLessThanOrEqual(numbers.length);
});

test("the console follows the output at the bottom, and stays put when scrolled up", async ({ page }) => {
  await openPlayground(page);
  await setSource(page, 'for i = 1, 3000 do print("row " .. i) end');
  await page.getByRole("button", { name: "Run", exact: true }).click();
  expect(await waitForRunEnd(page, 60_000)).toBe("done");
  const log = consoleLocator(page);
  await expect(log.getByText("row 3000", { exact: true })).toBeInViewport();
  // Scroll to the top: the first rows render, and a new run's lines do not pull the view down while scrolled up.
  await log.evaluate((el) => (el.scrollTop = 0));
  await expect(log.getByText("row 1", { exact: true })).toBeInViewport();
  // A visible line can be selected (to copy it) like any text.
  await log.getByText("row 2", { exact: true }).click({ clickCount: 3, position: { x: 4, y: 4 } });
  expect(await page.evaluate(() => window.getSelection()?.toString().trim())).toBe("row 2");
});
