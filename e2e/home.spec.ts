import { test, expect } from "./fixtures";

test("the home page renders", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle(/LLMSpell Playground/);
  await expect(page.getByRole("heading", { name: /LLMSpell/ })).toBeVisible();
});
