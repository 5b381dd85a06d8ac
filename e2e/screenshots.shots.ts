/**
 * `npm run screenshots`: the playground (a finished run of the default spell, Trace tab), /docs and /embed at
 * 390, 1024 and 1280 px in light and dark, saved to e2e/screenshots/ (committed, to look at). Not part of
 * `npm test`: playwright.screenshots.config.ts runs only *.shots.ts files.
 */
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { encodeShareLink } from "../lib/share/link";
import { GENERATED_EXAMPLES } from "../examples/catalog.generated";
import { openPlayground, runWithShortcut, waitForRunEnd } from "./playground-helpers";

const DIR = "e2e/screenshots";
const WIDTHS = [390, 1024, 1280];
const HEIGHT = { 390: 844, 1024: 768, 1280: 800 } as Record<number, number>;

async function shoot(page: Page, name: string) {
  // Let the last streamed frame and transitions settle.
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${DIR}/${name}.png` });
}

for (const scheme of ["light", "dark"] as const) {
  for (const width of WIDTHS) {
    test.describe(`${width} px, ${scheme}`, () => {
      test.use({ viewport: { width, height: HEIGHT[width] }, colorScheme: scheme });

      test("playground", async ({ page }) => {
        test.setTimeout(120_000);
        await openPlayground(page);
        await runWithShortcut(page);
        expect(await waitForRunEnd(page, 60_000)).toBe("done");
        await shoot(page, `playground-console-${width}-${scheme}`);
        await page.getByRole("tab", { name: /^Trace/ }).click();
        await shoot(page, `playground-trace-${width}-${scheme}`);
      });

      test("docs", async ({ page }) => {
        await page.goto("/docs");
        await expect(page.getByRole("heading", { name: "Spell API reference" })).toBeVisible();
        await shoot(page, `docs-${width}-${scheme}`);
      });

      test("embed", async ({ page }) => {
        test.setTimeout(120_000);
        const hello = GENERATED_EXAMPLES.find((e) => e.slug === "first-agent") ?? GENERATED_EXAMPLES[0];
        await page.goto(`/embed${await encodeShareLink({ language: "lua", source: hello.lua })}`);
        await expect(page.getByTestId("embed-status")).toHaveText("Ready", { timeout: 30_000 });
        await page.getByRole("button", { name: /^Run\b/ }).click();
        await expect(page.getByTestId("embed-status")).toHaveText("Done", { timeout: 60_000 });
        await page.mouse.move(0, 0);
        await shoot(page, `embed-${width}-${scheme}`);
      });
    });
  }
}
