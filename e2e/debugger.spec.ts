import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { chooseLanguage, openPlayground, waitForRunEnd } from "./playground-helpers";

/** Replace the editor's text by pasting it (typing would add Monaco's auto-indent and closing brackets). */
async function setSource(page: Page, source: string) {
  await page
    .locator(".monaco-editor")
    .first()
    .click({ position: { x: 120, y: 20 } });
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData("text/plain", text);
    document.activeElement?.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true }));
  }, source);
  const flat = (s: string) =>
    s
      .split("\n")
      .map((l) => l.replace(/\u00a0/g, " ").trimEnd())
      .join("\n")
      .trim();
  await expect
    .poll(async () => flat(await page.locator(".monaco-editor .view-lines").first().innerText()))
    .toBe(flat(source));
}

// Debug runs wait on the page between steps; a loaded machine needs more than the default minute.
test.describe.configure({ timeout: 180_000 });

/** Click the editor's glyph margin (left of the line numbers) on `line`. */
async function clickGutter(page: Page, line: number) {
  const number = page.locator(".monaco-editor .line-numbers").getByText(String(line), { exact: true });
  const box = (await number.boundingBox())!;
  await page.mouse.click(box.x - 12, box.y + box.height / 2);
}

for (const [language, source] of [
  ["Lua", "local function add(a, b)\n  local s = a + b\n  return s\nend\nlocal x = add(1, 2)\nreturn x"],
  [
    "JavaScript",
    "async function add(a, b) {\n  const s = a + b;\n  return s;\n}\nconst x = await add(1, 2);\nreturn x;",
  ],
] as const) {
  test(`${language}: a breakpoint, the locals, a step, and on to the end`, async ({ page }) => {
    await openPlayground(page);
    await chooseLanguage(page, language);
    await setSource(page, source);
    await clickGutter(page, 2);
    await expect(page.locator(".monaco-editor .debug-breakpoint")).toHaveCount(1);

    await page.getByRole("button", { name: "Debug", exact: true }).click();
    const panel = page.getByTestId("debug-panel");
    await expect(panel.getByTestId("debug-paused")).toHaveText("Paused at line 2 (breakpoint)", { timeout: 60_000 });
    await expect(page.locator(".monaco-editor .debug-current-line")).toHaveCount(1);
    const locals = panel.getByTestId("variables-Locals");
    await expect(locals).toContainText("a = 1");
    await expect(locals).toContainText("b = 2");
    await expect(panel.getByTestId("debug-stack")).toContainText("add line 2");

    await page.keyboard.press("F10");
    await expect(panel.getByTestId("debug-paused")).toHaveText("Paused at line 3 (step)");
    await expect(panel.getByTestId("variables-Locals")).toContainText("s = 3");

    await page.getByRole("toolbar", { name: "Debugger" }).getByRole("button", { name: "Continue" }).click();
    expect(await waitForRunEnd(page, 60_000)).toBe("done");
    await page.getByRole("tab", { name: "Result" }).click();
    await expect(page.getByTestId("result")).toContainText("3");
  });
}

test("Profile shows a table of the spell's functions", async ({ page }) => {
  await openPlayground(page);
  await chooseLanguage(page, "Lua");
  await setSource(
    page,
    "local function busy()\n  local s = 0\n  for i = 1, 300000 do s = s + i end\n  return s\nend\nlocal r = busy()\nreturn r",
  );
  await page.getByRole("button", { name: "Profile", exact: true }).click();
  const table = page.getByTestId("profile-table");
  await expect(table).toBeVisible({ timeout: 20_000 });
  await expect(table).toContainText("main chunk");
  await expect(table).toContainText("busy");
  await expect(page.getByRole("button", { name: "speedscope JSON" })).toBeVisible();
});
