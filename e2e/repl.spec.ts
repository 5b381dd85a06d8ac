import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { chooseLanguage, openPlayground, runWithShortcut, setSource, waitForRunEnd } from "./playground-helpers";

/** Type one entry into the prompt under the console and run it. */
async function enter(page: Page, entry: string): Promise<void> {
  const input = page.getByTestId("repl-input");
  await input.click();
  await input.fill(entry);
  await input.press("Enter");
  await expect(input).toHaveValue("");
  await expect(input).toHaveAttribute("aria-busy", "false", { timeout: 20_000 });
}

/** The prompt's last value line. */
const lastValue = (page: Page) => page.getByTestId("repl-output").locator('[data-kind="value"]').last();

test("the prompt evaluates expressions and keeps variables between entries (Lua)", async ({ page }) => {
  test.setTimeout(120_000);
  await openPlayground(page);
  await chooseLanguage(page, "Lua");
  await enter(page, "1 + 1");
  await expect(lastValue(page)).toHaveText("2");
  await enter(page, "x = 20");
  await enter(page, "x * 2 + 2");
  await expect(lastValue(page)).toHaveText("42");
  // A multi-line entry: the first line leaves it open, the prompt says so, the second closes it.
  await enter(page, "function twice(s)");
  await expect(page.getByTestId("repl")).toContainText("...");
  await enter(page, "return s .. s end");
  await enter(page, 'twice("ab")');
  await expect(lastValue(page)).toHaveText("abab");
  // History: Up brings the last entry back.
  await page.getByTestId("repl-input").press("ArrowUp");
  await expect(page.getByTestId("repl-input")).toHaveValue('twice("ab")');
});

test("after a run, the prompt inspects the globals it left (Lua and JavaScript)", async ({ page }) => {
  // Two runs and five entries: on a loaded two-core machine this takes longer than one run's test.
  test.setTimeout(180_000);
  await openPlayground(page);
  await chooseLanguage(page, "Lua");
  await setSource(page, 'plan = { steps = { "draft", "review" } }\nprint("planned")');
  await runWithShortcut(page);
  expect(await waitForRunEnd(page)).toBe("done");
  await enter(page, "plan.steps[2], #plan.steps");
  await expect(lastValue(page)).toHaveText("review\t2");

  await chooseLanguage(page, "JavaScript");
  await setSource(page, 'const plan = { steps: ["draft", "review"] };\nexport default plan.steps.length;');
  await runWithShortcut(page);
  expect(await waitForRunEnd(page)).toBe("done");
  await enter(page, "plan.steps");
  await expect(lastValue(page)).toHaveText("[ 'draft', 'review' ]");
  await enter(page, "let more = plan.steps.length + 1");
  await enter(page, "more");
  await expect(lastValue(page)).toHaveText("3");
});

test("the prompt completes spell API names with Tab", async ({ page }) => {
  await openPlayground(page);
  await chooseLanguage(page, "Lua");
  const input = page.getByTestId("repl-input");
  await input.click();
  await input.fill("Agent.bu");
  await input.press("Tab");
  await expect(input).toHaveValue("Agent.builder");
});
