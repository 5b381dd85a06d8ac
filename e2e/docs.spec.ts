import { test, expect } from "./fixtures";

test("the docs render the reference and open a snippet in the playground", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/docs");
  await expect(page.getByRole("heading", { name: "Spell API reference" })).toBeVisible();
  for (const name of ["Getting started", "Running spells from the terminal", "Globals", "Objects", "Built-in tools"]) {
    await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
  }
  await expect(page.locator("#Agent")).toBeVisible();
  await expect(page.locator("#tool-calculator")).toBeVisible();
  expect(await page.getByTestId("api-function").count()).toBeGreaterThan(50);

  // The language toggle hides the other language.
  await page.getByRole("radio", { name: "JavaScript" }).click();
  await expect(page.locator("#Agent\\.builder").locator(".lua-only").first()).toBeHidden();
  await expect(page.locator("#Agent\\.builder").locator(".js-only").first()).toBeVisible();
  await page.getByRole("radio", { name: "Lua" }).click();

  // Open the getting-started spell (Lua) in the playground and run it.
  await page.getByRole("link", { name: "Open the getting-started spell in the playground (Lua)" }).click();
  await expect(page).toHaveURL(/\/$|\/#v1\/lua\//);
  await expect(page.getByTestId("playground")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("run-status")).toHaveText(/Ready/, { timeout: 30_000 });
  await page.getByRole("button", { name: /^Run\b/ }).click();
  await expect(page.getByTestId("console")).toContainText("6 * 7 = 42", { timeout: 30_000 });
});
