/** The trace's request view (every model call's full request and response) and the model settings it reports. */
import { test, expect } from "./fixtures";
import type { Page } from "@playwright/test";
import { DEFAULT_SPELLS } from "../lib/store/default-spells";
import { SCREENSHOT_DIR, openPlayground, runWithShortcut, setSource, waitForRunEnd } from "./playground-helpers";

/** The default spell's system prompt, read from the spell itself. */
const SYSTEM_PROMPT = /:system_prompt\("([^"]+)"\)/.exec(DEFAULT_SPELLS.lua)![1];

async function runAndOpenTrace(page: Page): Promise<void> {
  await page
    .locator(".monaco-editor")
    .first()
    .click({ position: { x: 200, y: 40 } });
  await runWithShortcut(page);
  expect(await waitForRunEnd(page)).toBe("done");
  await page.getByRole("tab", { name: /Trace/ }).click();
}

const modelRows = (page: Page) => page.locator('[data-testid="trace-row"][data-kind="model"]');

/** Open the n-th model row's request view and return it. */
async function openRequest(page: Page, n: number) {
  const row = modelRows(page).nth(n);
  await row.getByRole("button", { name: /^mock\// }).click();
  const views = page.getByTestId("request-view");
  await expect(views).toHaveCount(1);
  return views.first();
}

test("the default spell's system prompt, messages and response are in the trace's request view", async ({ page }) => {
  await openPlayground(page);
  await runAndOpenTrace(page);
  // One number everywhere: the agent row shows its model call's reported usage, not a streamed estimate.
  const agentTokens = page.locator('[data-testid="trace-row"][data-kind="agent"]').first().getByTestId("trace-tokens");
  const modelTokens = modelRows(page).first().getByTestId("trace-tokens");
  await expect(agentTokens).not.toContainText("~");
  expect(await agentTokens.innerText()).toBe(await modelTokens.innerText());

  const view = await openRequest(page, 0);
  await expect(view.getByTestId("request-system")).toHaveText(SYSTEM_PROMPT);
  const roles = await view.getByTestId("request-message").evaluateAll((els) => els.map((e) => e.dataset.role));
  expect(roles).toEqual(["system", "user"]);
  await expect(view).toContainText("Say hello to a new spell caster");
  await expect(view.getByTestId("request-response")).toContainText("mock reply");
  await expect(view.locator('[data-param="temperature"]')).toContainText("provider default");
  await expect(view).toContainText(/first token \S+ m?s/);
  await expect(view).toContainText("finish: stop");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/trace-request-view.png` });
});

test("temperature from the model settings reaches agents without their own; an agent's own wins", async ({ page }) => {
  await openPlayground(page);
  await page.getByTestId("model-settings-button").click();
  const temperature = page.getByTestId("model-setting-temperature");
  await temperature.fill("0.3");
  await temperature.press("Enter");
  // Out of range: clamped, and the panel says so.
  const seed = page.getByTestId("model-setting-seed");
  await seed.fill("-5");
  await seed.press("Enter");
  await expect(page.getByTestId("model-settings")).toContainText("Seed -5 is outside 0 to 2147483647");
  await expect(seed).toHaveValue("0");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("model-settings")).toBeHidden();

  await setSource(
    page,
    [
      'local plain = Agent.builder():name("plain"):model("mock/default"):build()',
      'local own = Agent.builder():name("own"):model("mock/default"):temperature(0.9):build()',
      'plain:execute({ text = "one" })',
      'own:execute({ text = "two" })',
      'return "ok"',
    ].join("\n"),
  );
  await runAndOpenTrace(page);
  await expect(modelRows(page)).toHaveCount(2);

  const first = await openRequest(page, 0);
  const t1 = first.locator('[data-param="temperature"]');
  await expect(t1.getByTestId("param-value")).toHaveText("0.3");
  await expect(t1.getByTestId("param-source")).toContainText("the page's model settings");
  // The mock echoes what reached it through the gateway.
  await expect(t1.getByTestId("param-source")).toContainText("provider received 0.3");
  await expect(first.locator('[data-param="seed"]').getByTestId("param-value")).toHaveText("0");
  await modelRows(page)
    .nth(0)
    .getByRole("button", { name: /^mock\// })
    .click();

  const second = await openRequest(page, 1);
  const t2 = second.locator('[data-param="temperature"]');
  await expect(t2.getByTestId("param-value")).toHaveText("0.9");
  await expect(t2.getByTestId("param-source")).toContainText("the agent's config");
  await expect(t2.getByTestId("param-source")).toContainText("provider received 0.9");

  // The settings persist across a reload.
  await page.reload();
  await page.getByTestId("model-settings-button").click();
  await expect(page.getByTestId("model-setting-temperature")).toHaveValue("0.3");
});

test("the trace fits a 390 px phone: time, tokens and cost stay, the request view opens under the row", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openPlayground(page);
  await runAndOpenTrace(page);
  const trace = page.getByTestId("trace");
  await expect(trace.getByRole("columnheader", { name: "Cost" })).toBeVisible();
  await expect(modelRows(page).first().getByTestId("trace-cost")).toHaveText("$0");
  const view = await openRequest(page, 0);
  await expect(view.getByTestId("request-system")).toHaveText(SYSTEM_PROMPT);
  const overflow = await trace.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/trace-request-view-390.png` });
});
