import { test, expect } from "./fixtures";
import { SCREENSHOT_DIR, openPlayground } from "./playground-helpers";

test("the playground loads offline with the bundled Monaco and the hello-agent spell", async ({ page }) => {
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto("/");
  await expect(page).toHaveTitle(/LLMSpell Playground/);
  await expect(page.getByRole("heading", { name: /LLMSpell/ })).toBeVisible();
  await openPlayground(page);
  await expect(page.locator(".monaco-editor")).toBeVisible();
  // The first visit shows the hello-agent spell on the mock model.
  await expect(page.locator(".monaco-editor .view-lines")).toContainText("Agent.builder()");
  await expect(page.locator(".monaco-editor .view-lines")).toContainText("mock/default");
  // Monaco and its worker came from this server (the fixture fails the test on any other host).
  expect(requests.some((u) => /editor\.worker|monaco/i.test(u) || /_next\/static/.test(u))).toBe(true);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/home-light.png` });
});
