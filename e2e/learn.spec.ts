/**
 * /learn: solve a tour step by typing its solution, see PASS, move on; a reload keeps the progress. Presenter
 * mode fits a 1024×768 projector.
 */
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { openPlayground, setSource } from "./playground-helpers";
import { TOUR } from "../lib/lesson/tour";

async function openStep(page: Page, id: string): Promise<void> {
  await page.goto(`/learn/${id}`);
  await expect(page.getByTestId("learn")).toBeVisible();
  // Monaco loads after the first paint; on a busy 2-core machine that can take a while.
  await expect(page.locator('[data-editor-ready="true"]')).toBeVisible({ timeout: 45_000 });
}

test("solve a step by typing its solution, see PASS, move on; a reload keeps the progress", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/learn");
  await expect(page).toHaveURL(/\/learn\/hello-world$/);
  await openStep(page, "hello-world");
  await expect(page.getByTestId("step-title")).toHaveText("Hello, world");

  // The starting spell fails its check.
  await page.getByTestId("learn-run").click();
  await expect(page.getByTestId("check").first()).toHaveAttribute("data-pass", "false", { timeout: 30_000 });
  await expect(page.getByTestId("check").first()).toContainText("FAIL");
  await expect(page.getByTestId("check").first()).toContainText("Hint:");

  // Type the solution and run with Ctrl+Enter.
  await setSource(page, TOUR.steps[0].solution!.lua!);
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(page.getByTestId("check").first()).toHaveAttribute("data-pass", "true", { timeout: 30_000 });
  await expect(page.getByTestId("check").first()).toContainText("PASS");
  await expect(page.getByTestId("step-passed")).toBeVisible();

  await page.getByTestId("next-step").click();
  await expect(page).toHaveURL(/\/learn\/return-a-value$/);
  await expect(page.getByTestId("step-title")).toHaveText("Return a value");

  // Reload: the step list still marks step 1 as passed, and /learn opens the step we were on.
  await page.reload();
  await expect(page.getByTestId("step-select").locator("option").first()).toHaveText(/^✓ 1\. Hello, world/);
  await page.goto("/learn");
  await expect(page).toHaveURL(/\/learn\/return-a-value$/);
  await page.getByTestId("prev-step").click();
  await expect(page).toHaveURL(/\/learn\/hello-world$/);
  await expect(page.getByTestId("step-passed")).toBeVisible();
});

test("switch to JavaScript, show the solution and pass; reset brings the start back", async ({ page }) => {
  test.setTimeout(120_000);
  await openStep(page, "arguments");
  await page.getByRole("radiogroup", { name: "Spell language" }).getByRole("radio", { name: "JavaScript" }).click();
  await expect(page.getByTestId("spell-editor")).toHaveAttribute("data-language", "javascript");
  await page.getByTestId("show-solution").click();
  await page.getByTestId("learn-run").click();
  await expect(page.getByTestId("check")).toHaveCount(3, { timeout: 30_000 });
  const output = await page.getByTestId("console").innerText();
  for (const c of await page.getByTestId("check").all())
    await expect(c, `console: ${output}`).toHaveAttribute("data-pass", "true");
  await expect(page.getByTestId("console")).toContainText("Hello, Ada!");
  await page.getByRole("button", { name: "Reset step" }).click();
  await expect(page.getByTestId("checks-pending")).toBeVisible();
});

test("at 390 px the step reads top to bottom and runs", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/learn/hello-world");
  await expect(page.getByTestId("learn")).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await page.getByTestId("show-solution").click();
  await page.getByTestId("learn-run").click();
  await expect(page.getByTestId("check").first()).toHaveAttribute("data-pass", "true", { timeout: 30_000 });
});

test("presenter mode at 1024×768 shows editor and output without scrolling", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  await openStep(page, "streaming");
  await page.getByTestId("presenter-open").click();
  await expect(page.getByTestId("presenter")).toBeVisible();
  await page.getByTestId("presenter-pace").selectOption("1");
  const fits = async (testId: string) => {
    const box = (await page.getByTestId(testId).boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    expect(box.height).toBeGreaterThan(200);
  };
  await fits("presenter-editor");
  await fits("presenter-output");
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(768);
  await page.getByTestId("show-solution").click();
  await page.getByTestId("learn-run").click();
  await expect(page.getByTestId("console")).toContainText("chunks:", { timeout: 30_000 });
  await expect(page.getByTestId("check").last()).toHaveAttribute("data-pass", "true");
  await page.getByTestId("presenter-exit").click();
  await expect(page.getByTestId("learn")).toBeVisible();
});

test("a bad lesson link says what is wrong and offers the tour", async ({ page }) => {
  await page.goto("/lesson#v1/not-a-lesson");
  await expect(page.getByTestId("lesson-problem")).toContainText("damaged");
  await page.getByRole("link", { name: "built-in tour" }).click();
  await expect(page).toHaveURL(/\/learn\//);
});

test("author a two-step lesson from the playground, share it, open it in a fresh context and pass step 1", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1600, height: 900 }); // the header shows "New lesson" from 1536 px
  await openPlayground(page);
  await setSource(page, 'print("lesson step one")');
  await page.getByTestId("new-lesson").click();
  await expect(page.getByTestId("lesson-editor")).toBeVisible();

  // Step 1 is the spell. Run its solution and fill an output check from that run.
  await page.getByTestId("draft-run").click();
  await expect(page.getByTestId("console")).toContainText("lesson step one", { timeout: 45_000 });
  await page.getByTestId("new-check-kind").selectOption("output-contains");
  await page.getByTestId("add-check").click();
  await page.getByTestId("use-last-run").click();
  await expect(page.getByTestId("check-form").getByLabel("Text")).toHaveValue("lesson step one");
  await page.getByTestId("check-form").getByLabel("Message shown when it fails").fill('Print "lesson step one".');

  // A second step, renamed.
  await page.getByTestId("add-step").click();
  await page.getByTestId("step-title-input").fill("Second step");
  await expect(page.getByTestId("draft-steps")).toContainText("2. Second step");

  await page.getByTestId("share-lesson").click();
  const link = await page.getByTestId("lesson-link").inputValue();
  expect(link).toMatch(/\/lesson#v1\//);
  await expect(page.getByTestId("lesson-embed")).toHaveValue(/\/embed#v1\/lua\//);

  const fresh = await browser.newContext();
  try {
    const student = await fresh.newPage();
    await student.goto(link);
    await expect(student.getByTestId("learn")).toBeVisible();
    await expect(student.getByTestId("step-title")).toHaveText("Step 1");
    await expect(student.getByTestId("step-select").locator("option")).toHaveCount(2);
    await student.getByTestId("learn-run").click();
    await expect(student.getByTestId("check").first()).toHaveAttribute("data-pass", "true", { timeout: 45_000 });
    await student.getByTestId("next-step").click();
    await expect(student.getByTestId("step-title")).toHaveText("Second step");
    await expect(student).toHaveURL(/[?&]step=second-step/);
  } finally {
    await fresh.close();
  }
});
