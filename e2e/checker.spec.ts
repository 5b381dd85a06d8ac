import { test, expect } from "./fixtures";
import { chooseLanguage, openPlayground, setSource } from "./playground-helpers";

for (const [language, source] of [
  ["Lua", "local b = Agent.bulder()\nprint(b)"],
  ["JavaScript", "const b = Agent.bulder();\nprint(b);"],
] as const) {
  test(`${language}: a typo is underlined before any run, and the quick fix corrects it`, async ({ page }) => {
    await openPlayground(page);
    await chooseLanguage(page, language);
    await setSource(page, source);
    await expect(page.locator(".monaco-editor .squiggly-error").first()).toBeVisible();
    await expect(page.getByTestId("problems-errors")).toContainText("1");
    await expect(page.getByTestId("run-status")).not.toHaveAttribute("data-status", /^(running|done|failed)$/);
    await page
      .getByTestId("problems")
      .getByRole("button", { name: /^Problems/ })
      .click();
    await expect(
      page.getByRole("button", { name: /has no function 'bulder' \(did you mean 'builder'\?\)/ }),
    ).toBeVisible();

    // The cursor on the typo, then the quick-fix menu (Ctrl+.), then its fix.
    await page
      .locator(".monaco-editor")
      .first()
      .click({ position: { x: 120, y: 20 } });
    await page.keyboard.press("ControlOrMeta+Home");
    for (let i = 0; i < 18; i++) await page.keyboard.press("ArrowRight");
    // Monaco answers Ctrl+. only once its code-action machinery has caught up with the edit: ask until it does.
    const fix = page.locator(".action-widget").getByText("Change to 'builder'").first();
    await expect(async () => {
      await page.keyboard.press("Escape");
      await page.keyboard.press("ControlOrMeta+.");
      await expect(fix).toBeVisible({ timeout: 1000 });
    }).toPass();
    await fix.click();
    await expect(page.locator(".monaco-editor .view-lines")).toContainText("Agent.builder()");
    await expect(page.getByTestId("problems-errors")).toContainText("0");
    await expect(page.locator(".monaco-editor .squiggly-error")).toHaveCount(0);
  });
}

test("JavaScript: a missing await is flagged as a warning", async ({ page }) => {
  await openPlayground(page);
  await chooseLanguage(page, "JavaScript");
  await setSource(page, 'const r = Tool.execute("calculator", { input: "1+1" });\nprint(r.result);');
  await expect(page.locator(".monaco-editor .squiggly-warning").first()).toBeVisible();
  await expect(page.getByTestId("problems-warnings")).toContainText("1");
  await page
    .getByTestId("problems")
    .getByRole("button", { name: /^Problems/ })
    .click();
  await expect(page.getByTestId("problems")).toContainText("returns a Promise: add 'await'");
});

test("Lua: a method called with '.' is flagged, and the fix writes ':'", async ({ page }) => {
  await openPlayground(page);
  await chooseLanguage(page, "Lua");
  await setSource(
    page,
    'local a = Agent.builder():model("mock/echo"):build()\nlocal r = a.execute({ text = "hi" })\nprint(r)',
  );
  await expect(page.locator(".monaco-editor .squiggly-error").first()).toBeVisible();
  await page
    .getByTestId("problems")
    .getByRole("button", { name: /^Problems/ })
    .click();
  await expect(page.getByTestId("problems")).toContainText("'execute' is a method: call it with ':'");
});

test("JavaScript: TypeScript's checks join the checker's in the Problems list", async ({ page }) => {
  await openPlayground(page);
  await chooseLanguage(page, "JavaScript");
  await setSource(
    page,
    'const a = Agent.builder().model("mock/echo").build();\nconst r = await a.execute({ text: "hi" });\nprint(r.txt);',
  );
  await page
    .getByTestId("problems")
    .getByRole("button", { name: /^Problems/ })
    .click();
  // The TypeScript worker starts cold (it loads the ES lib and the spell API's .d.ts first): a longer wait.
  await expect(page.getByTestId("problems")).toContainText("Property 'txt' does not exist on type 'AgentResult'", {
    timeout: 30_000,
  });
  await expect(page.locator(".monaco-editor .squiggly-error").first()).toBeVisible();
});

test("Lua: a model the server does not list is flagged", async ({ page }) => {
  await openPlayground(page);
  await chooseLanguage(page, "Lua");
  await setSource(page, 'local a = Agent.builder():model("openai/gpt-4x"):build()\nprint(a)');
  await page
    .getByTestId("problems")
    .getByRole("button", { name: /^Problems/ })
    .click();
  await expect(page.getByTestId("problems")).toContainText("the server offers no model 'openai/gpt-4x'");
});
