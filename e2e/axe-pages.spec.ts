import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { encodeShareLink } from "../lib/share/link";
import { openPlayground, runWithShortcut, setSource, waitForRunEnd } from "./playground-helpers";

/** Every axe violation on the page, one line each (rule, impact, count, first targets), labelled. */
async function scan(page: Page, label: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map(
    (v) =>
      `${label}: ${v.id} (${v.impact}, ${v.nodes.length}): ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 4)
        .join(" | ")}`,
  );
}

const SPELL = [
  'print("axe")',
  'local a = Agent.builder():name("helper"):model("mock/default"):build()',
  'print(a:execute({text = "hi"}).text)',
  'warn("careful")',
  "return {answer = 42}",
].join("\n");

for (const scheme of ["light", "dark"] as const) {
  test(`axe finds no violations on / with a finished run (${scheme})`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme: scheme });
    await openPlayground(page);
    await expect(page.locator("html")).toHaveAttribute("data-theme", scheme);
    const violations = await scan(page, "editor loaded");
    await setSource(page, SPELL);
    await runWithShortcut(page);
    expect(await waitForRunEnd(page)).toBe("done");
    violations.push(...(await scan(page, "console")));
    for (const tab of [/^Trace/, /^Result/]) {
      await page.getByRole("tab", { name: tab }).click();
      violations.push(...(await scan(page, `tab ${tab.source}`)));
    }
    expect(violations).toEqual([]);
  });

  test(`axe finds no violations on /embed with a spell link (${scheme})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    const fragment = await encodeShareLink({ language: "lua", source: SPELL, model: "mock/default" });
    await page.goto(`/embed${fragment}`);
    await expect(page.getByTestId("embed")).toBeVisible();
    await expect(page.getByTestId("embed-status")).toHaveText("Ready", { timeout: 30_000 });
    const violations = await scan(page, "ready");
    await page.getByRole("button", { name: /^Run\b/ }).click();
    await expect(page.getByTestId("embed-status")).toHaveText("Done", { timeout: 30_000 });
    violations.push(...(await scan(page, "after a run")));
    expect(violations).toEqual([]);
  });
}
