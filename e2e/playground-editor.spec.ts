import { test, expect } from "./fixtures";
import {
  chooseLanguage,
  consoleLocator,
  openPlayground,
  runWithShortcut,
  setSource,
  waitForRunEnd,
} from "./playground-helpers";

test("a syntax error puts a marker on the right line", async ({ page }) => {
  await openPlayground(page);
  await setSource(page, 'print("a")\nprint("b")\nlocal = 5\nprint("c")');
  await runWithShortcut(page);
  expect(await waitForRunEnd(page)).toBe("failed");
  await expect(page.getByTestId("error-line")).toContainText("syntax");
  await expect(page.getByTestId("error-line")).toContainText("line 3");
  await expect(page.getByRole("button", { name: "error on line 3" })).toBeVisible();
  const squiggle = page.locator(".monaco-editor .squiggly-error").first();
  await expect(squiggle).toBeVisible();
  const lines = page.locator(".monaco-editor .view-lines .view-line");
  const third = await lines.evaluateAll((els) => {
    const sorted = (els as HTMLElement[]).sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
    return sorted[2].getBoundingClientRect().top;
  });
  const box = await squiggle.boundingBox();
  expect(box).not.toBeNull();
  expect(Math.abs(box!.y - third)).toBeLessThan(12);
});

test("a JavaScript runtime error marks its line", async ({ page }) => {
  await openPlayground(page);
  await chooseLanguage(page, "JavaScript");
  await expect(page.locator('[data-editor-ready="true"]')).toBeVisible();
  await setSource(page, 'console.log("ok");\nconst x = null;\nx.boom();');
  await runWithShortcut(page);
  expect(await waitForRunEnd(page)).toBe("failed");
  await expect(page.getByTestId("error-line")).toContainText("line 3");
  await expect(page.locator(".monaco-editor .squiggly-error").first()).toBeVisible();
});

for (const lang of ["Lua", "JavaScript"] as const) {
  test(`completions offer Agent, then builder after Agent. (${lang})`, async ({ page }) => {
    await openPlayground(page);
    if (lang === "JavaScript") {
      await chooseLanguage(page, "JavaScript");
      await expect(page.locator('[data-editor-ready="true"]')).toBeVisible();
    }
    await setSource(page, "");
    await page.keyboard.type("Agen");
    await page.keyboard.press("Control+Space");
    const suggest = page.locator(".monaco-editor .suggest-widget");
    await expect(suggest.getByRole("option", { name: /^Agent/ }).first()).toBeVisible({ timeout: 15_000 });
    await page.keyboard.press("Escape");
    await page.keyboard.type("t.");
    await page.keyboard.press("Control+Space");
    await expect(suggest.getByRole("option", { name: /^builder/ }).first()).toBeVisible({ timeout: 15_000 });
  });
}

test("Lua completions follow builder chains and offer tool names", async ({ page }) => {
  await openPlayground(page);
  await setSource(page, 'local a = Agent.builder()\n  :name("x")\n  ');
  await page.keyboard.type(":");
  await page.keyboard.press("Control+Space");
  const suggest = page.locator(".monaco-editor .suggest-widget");
  await expect(suggest.getByRole("option", { name: /^model/ }).first()).toBeVisible();
  await page.keyboard.press("Escape");
  await setSource(page, "local r = Tool.execute");
  // Monaco auto-closes the bracket and the quote; the cursor stays inside `("calc|")`.
  await page.keyboard.type('("calc');
  await page.keyboard.press("Control+Space");
  await expect(suggest.getByRole("option", { name: /calculator/ }).first()).toBeVisible();
});

test("switching languages keeps both spells", async ({ page }) => {
  await openPlayground(page);
  await setSource(page, 'print("lua side")');
  await chooseLanguage(page, "JavaScript");
  await expect(page.locator('[data-editor-ready="true"]')).toBeVisible();
  await setSource(page, 'console.log("js side")');
  await chooseLanguage(page, "Lua");
  await expect(page.locator(".monaco-editor .view-lines")).toContainText('print("lua side")');
  await runWithShortcut(page);
  await waitForRunEnd(page);
  await expect(consoleLocator(page)).toContainText("lua side");
  await chooseLanguage(page, "JavaScript");
  await expect(page.locator(".monaco-editor .view-lines")).toContainText('console.log("js side")');
});
