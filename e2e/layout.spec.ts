import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { openPlayground, waitForRunEnd } from "./playground-helpers";

/** The header's items: the first one (the title) and Run, with the header's own box. */
async function headerBoxes(page: Page) {
  const header = page.getByTestId("playground").locator(":scope > header");
  const first = header.locator(":scope > *").first();
  const run = page.getByRole("button", { name: "Run", exact: true });
  return {
    header: (await header.boundingBox())!,
    first: (await first.boundingBox())!,
    run: (await run.boundingBox())!,
    overflow: await header.evaluate((el) => el.scrollWidth - el.clientWidth),
  };
}

for (const width of [1024, 1280]) {
  test(`at ${width} px the header is one row with Run in it`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await openPlayground(page);
    const { header, first, run, overflow } = await headerBoxes(page);
    // One row: Run's vertical middle is the first item's, and the header is one control tall.
    expect(Math.abs(run.y + run.height / 2 - (first.y + first.height / 2))).toBeLessThanOrEqual(4);
    expect(header.height).toBeLessThanOrEqual(56);
    expect(run.x + run.width).toBeLessThanOrEqual(width);
    // Nothing in it is pushed out of the header's box.
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByRole("combobox", { name: "Default model" })).toBeInViewport({ ratio: 1 });
  });
}

test("at 390 px the header is compact and the editor and output share the screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openPlayground(page);
  const { header, run } = await headerBoxes(page);
  // One or two rows at most.
  expect(header.height).toBeLessThanOrEqual(96);
  expect(run.x + run.width).toBeLessThanOrEqual(390);
  await expect(page.getByTestId("spell-editor")).toBeInViewport();
  await expect(page.getByRole("tab", { name: /^Console/ })).toBeInViewport();
  // The editor and the output each get a real share of what is left.
  const editor = (await page.getByTestId("spell-editor").boundingBox())!;
  expect(editor.height).toBeGreaterThan(200);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

const OUTPUT_TABS = ["Console", "Trace", "Result", "State", "History", "Debug", "Profile"];

for (const width of [390, 1024, 1280]) {
  test(`at ${width} px every output tab opens and comes into view, and the run status shows whole`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 844 });
    await openPlayground(page);
    await page.getByRole("button", { name: "Run", exact: true }).click();
    expect(await waitForRunEnd(page)).toBe("done");
    const tabs = page.getByRole("tablist", { name: "Output views" });
    // From 1024 px the panel is wide enough for every tab at once; below, the strip scrolls and fades at its ends.
    const hidden = await tabs.evaluate((el) => el.scrollWidth - el.clientWidth);
    if (width >= 1024) expect(hidden).toBeLessThanOrEqual(0);
    else await expect(tabs).toHaveAttribute("data-overflow", "true");
    // Walk the tabs with the keyboard: each one is chosen, shown whole, and its panel opens.
    await tabs.getByRole("tab", { name: /^Console/ }).click();
    for (const name of OUTPUT_TABS) {
      const tab = tabs.getByRole("tab", { name: new RegExp(`^${name}`) });
      await expect(tab).toHaveAttribute("aria-selected", "true");
      await expect(tab).toBeInViewport({ ratio: 1 });
      await expect(page.getByRole("tabpanel", { name: new RegExp(`^${name}`) })).toBeVisible();
      await page.keyboard.press("ArrowRight");
    }
    // The status is not cut off.
    const status = page.getByTestId("run-status");
    await expect(status).toHaveText(/^Done in /);
    expect(await status.evaluate((el) => el.parentElement!.scrollWidth - el.parentElement!.clientWidth)).toBe(0);
  });
}
