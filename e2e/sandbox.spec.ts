/**
 * Security presets in the page: choosing one in Settings applies to the next run, and an embed may ask for a
 * tighter preset than this browser's, never a looser one.
 */
import { test, expect } from "./fixtures";
import { encodeShareLink } from "../lib/share/link";
import {
  chooseLanguage,
  consoleLocator,
  openPlayground,
  runWithShortcut,
  setSource,
  waitForRunEnd,
} from "./playground-helpers";

const REMOTE_MODEL_SPELL =
  'local a = Agent.builder():model("openai/gpt-4o-mini"):build()\nlocal r = a:execute("hi")\nprint(r.text)';

async function chooseSandbox(page: import("@playwright/test").Page, preset: "standard" | "strict" | "minimal") {
  await page.getByRole("button", { name: "Settings" }).click();
  const dialog = page.getByRole("dialog", { name: "Settings" });
  await dialog.getByLabel("Sandbox preset").selectOption(preset);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
}

test("choosing strict in Settings applies to the next run", async ({ page }) => {
  test.setTimeout(240_000);
  await openPlayground(page);
  await chooseLanguage(page, "Lua");
  await setSource(page, REMOTE_MODEL_SPELL);

  // standard: the spell reaches the gateway, which has no OpenAI key here (a provider error of its own).
  await runWithShortcut(page);
  await waitForRunEnd(page);
  await expect(consoleLocator(page)).not.toContainText("sandbox preset");

  await chooseSandbox(page, "strict");
  await runWithShortcut(page);
  expect(await waitForRunEnd(page)).toBe("failed");
  await expect(consoleLocator(page)).toContainText(
    "the strict sandbox preset allows only mock/* models; 'openai/gpt-4o-mini' was refused",
  );

  // It persists: after a reload the next run is still strict.
  await openPlayground(page);
  await runWithShortcut(page);
  expect(await waitForRunEnd(page)).toBe("failed");
  await expect(consoleLocator(page)).toContainText("strict sandbox preset");
  await chooseSandbox(page, "standard");
});

test("an embed may ask for strict, and cannot loosen this browser's preset", async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const fragment = await encodeShareLink({ language: "javascript", source: "for (;;) {}" });

  await page.goto(`${baseURL}/embed?autorun&sandbox=strict${fragment}`);
  await expect(page.getByTestId("embed-sandbox")).toHaveText(" · strict");
  await expect(page.getByTestId("embed-status")).toHaveText("Failed", { timeout: 90_000 });
  await expect(page.getByTestId("console")).toContainText("CPU time limit of 2000 ms");

  // This browser's playground chooses minimal: an embed asking for standard gets minimal, and says so.
  await openPlayground(page);
  await chooseSandbox(page, "minimal");
  await page.goto(`${baseURL}/embed?sandbox=standard${fragment}`);
  await expect(page.getByTestId("embed-sandbox")).toHaveText(" · minimal");
  await expect(page.getByText("?sandbox=standard is looser than this browser's minimal preset")).toBeVisible();
});
