/** Share links carry the model settings: set them, share, open the link in a fresh browser, run with them. */
import { test, expect } from "./fixtures";
import type { Page } from "@playwright/test";
import { encodeShareLink } from "../lib/share/link";
import { SCREENSHOT_DIR, inFreshContext, openPlayground, runWithShortcut, waitForRunEnd } from "./playground-helpers";

async function setModelSetting(page: Page, key: "temperature" | "seed", value: string): Promise<void> {
  const field = page.getByTestId(`model-setting-${key}`);
  await field.fill(value);
  await field.press("Enter");
}

test("a teacher's temperature and seed travel with the link and apply to the student's run", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await openPlayground(page);
  const entries = await page.evaluate(() => history.length);
  await page.getByTestId("model-settings-button").click();
  await setModelSetting(page, "temperature", "0.2");
  await setModelSetting(page, "seed", "7");
  await page.keyboard.press("Escape");
  // The address bar's permalink follows the settings (v3 carries them), without a history entry per change.
  await expect.poll(() => new URL(page.url()).hash).toMatch(/^#v3\/lua\//);
  expect(await page.evaluate(() => history.length)).toBe(entries);

  await page.getByRole("button", { name: "Share" }).click();
  const dialog = page.getByTestId("share-dialog");
  await expect(dialog).toContainText("the model settings temperature 0.2, seed 7");
  const link = await dialog.getByTestId("share-link").inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#v3\/lua\/[A-Za-z0-9_-]+$/);
  expect(link).toBe(page.url());

  await inFreshContext(browser, async (student) => {
    await openPlayground(student, link);
    await expect(student.getByTestId("notice")).toContainText(
      "Opened the shared spell. Model settings from the link: temperature 0.2, seed 7.",
    );
    await student.getByTestId("model-settings-button").click();
    await expect(student.getByTestId("model-setting-temperature")).toHaveValue("0.2");
    await expect(student.getByTestId("model-setting-seed")).toHaveValue("7");
    await student.keyboard.press("Escape");

    await student
      .locator(".monaco-editor")
      .first()
      .click({ position: { x: 200, y: 40 } });
    await runWithShortcut(student);
    expect(await waitForRunEnd(student)).toBe("done");
    await student.getByRole("tab", { name: /Trace/ }).click();
    const row = student.locator('[data-testid="trace-row"][data-kind="model"]').first();
    await row.getByRole("button", { name: /^mock\// }).click();
    const view = student.getByTestId("request-view").first();
    const temperature = view.locator('[data-param="temperature"]');
    await expect(temperature.getByTestId("param-value")).toHaveText("0.2");
    await expect(temperature.getByTestId("param-source")).toContainText("the page's model settings");
    // The mock echoes what reached it through the gateway.
    await expect(temperature.getByTestId("param-source")).toContainText("provider received 0.2");
    await expect(view.locator('[data-param="seed"]').getByTestId("param-value")).toHaveText("7");
    await student.screenshot({ path: `${SCREENSHOT_DIR}/share-settings-trace.png` });
  });
});

test("a short link keeps the settings, and an embed runs a v3 link with them", async ({ page, request }) => {
  test.setTimeout(180_000);
  const spell = {
    language: "lua" as const,
    source:
      'local a = Agent.builder():name("t"):model("mock/echo"):build()\nprint("embed says " .. a:execute({text = "hi"}).text)',
    modelParams: { temperature: 0.4, seed: 11 },
  };
  const posted = await request.post("/api/share", { data: spell });
  expect(posted.status()).toBeLessThan(300);
  const { id } = (await posted.json()) as { id: string };
  expect(await (await request.get(`/api/share/${id}`)).json()).toEqual(spell);

  await page.goto(`/s/${id}`);
  await expect(page.getByTestId("playground")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("notice")).toContainText("Model settings from the link: temperature 0.4, seed 11.");

  // The embed takes the same link and sends its settings with the model call.
  const sent: unknown[] = [];
  await page.context().route("**/api/llm", async (route) => {
    sent.push(route.request().postDataJSON());
    await route.continue();
  });
  await page.goto(`/embed?autorun${await encodeShareLink(spell)}`);
  await expect(page.getByTestId("console")).toContainText("embed says hi", { timeout: 30_000 });
  expect(sent).toEqual([expect.objectContaining({ temperature: 0.4, seed: 11 })]);
});
