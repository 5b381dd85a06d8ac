import AxeBuilder from "@axe-core/playwright";
import { test, expect } from "./fixtures";
import {
  SCREENSHOT_DIR,
  consoleLocator,
  openPlayground,
  runWithShortcut,
  setSource,
  waitForRunEnd,
} from "./playground-helpers";

test("dark mode applies to the page and the editor, and survives a reload", async ({ page }) => {
  await openPlayground(page);
  await page.getByRole("radio", { name: "Dark theme" }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await expect(page.locator(".monaco-editor").first()).toHaveClass(/vs-dark/);
  const bg = await page.evaluate(
    () => getComputedStyle(document.querySelector('[data-testid="playground"]')!).backgroundColor,
  );
  expect(bg).not.toBe("rgb(250, 250, 250)");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/home-dark.png` });
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await openPlayground(page);
  await expect(page.locator(".monaco-editor").first()).toHaveClass(/vs-dark/);
  await page.getByRole("radio", { name: "Light theme" }).click();
  await expect(page.locator("html")).not.toHaveClass(/dark/);
  await expect(page.locator(".monaco-editor").first()).not.toHaveClass(/vs-dark/);
});

test("system theme follows the OS preference", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await openPlayground(page);
  await page.getByRole("radio", { name: "System theme" }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.emulateMedia({ colorScheme: "light" });
  await expect(page.locator("html")).not.toHaveClass(/dark/);
});

test.describe("on a phone-sized screen", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the layout stacks and a spell runs and shows its output", async ({ page }) => {
    await openPlayground(page);
    await expect(page.locator('[data-layout="stacked"]')).toBeVisible();
    const run = page.getByRole("button", { name: "Run", exact: true });
    await expect(run).toBeInViewport();
    await setSource(page, 'print("hello, small screen")');
    await run.click();
    await waitForRunEnd(page);
    await expect(consoleLocator(page)).toContainText("hello, small screen");
    await expect(consoleLocator(page)).toBeInViewport();
    // Nothing overflows sideways.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(1);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/mobile.png` });
  });

  test("the header is one row and the ⋯ menu holds the model, share, help, settings and theme", async ({ page }) => {
    await openPlayground(page);
    const header = page.getByTestId("playground").locator(":scope > header");
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(48);
    for (const name of ["Examples", "Run", "Stop", "More actions"]) {
      await expect(page.getByRole("button", { name, exact: true })).toBeInViewport();
    }
    await expect(page.getByRole("button", { name: "Settings" })).toBeHidden();
    const more = page.getByRole("button", { name: "More actions" });
    await more.click();
    await expect(more).toHaveAttribute("aria-expanded", "true");
    const menu = page.getByRole("group", { name: "More actions" });
    await expect(menu.getByRole("combobox", { name: "Default model" })).toBeInViewport();
    await expect(menu.getByRole("switch", { name: "Mock every model" })).toBeVisible();
    for (const name of ["Share", "Help and shortcuts", "Settings"]) {
      await expect(menu.getByRole("button", { name, exact: true })).toBeInViewport();
    }
    await menu.getByRole("radio", { name: "Dark theme" }).click();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();
    await expect(more).toBeFocused();
    // A dialog opened from the menu closes it, and gives focus back to the ⋯ button.
    await more.click();
    await menu.getByRole("button", { name: "Help and shortcuts" }).click();
    await expect(page.getByTestId("shortcuts")).toBeVisible();
    await expect(menu).toBeHidden();
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("shortcuts")).toBeHidden();
    await expect(more).toBeFocused();
    // A click elsewhere closes it too.
    await more.click();
    await page.getByTestId("console").click();
    await expect(menu).toBeHidden();
  });
});

test("keyboard: the controls are reachable and labelled; the help lists the shortcuts", async ({ page }) => {
  await openPlayground(page);
  for (const name of ["Examples", "Run", "Stop", "Share", "Help and shortcuts", "Settings"]) {
    await expect(page.getByRole("button", { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole("combobox", { name: "Default model" })).toBeVisible();
  await expect(page.getByRole("switch", { name: "Mock every model" })).toBeVisible();
  await page.getByRole("button", { name: "Help and shortcuts" }).focus();
  await page.keyboard.press("Enter");
  const shortcuts = page.getByTestId("shortcuts");
  await expect(shortcuts).toContainText("Ctrl+Enter");
  await expect(shortcuts).toContainText("Esc");
  await expect(shortcuts).toContainText("Ctrl+S");
  await expect(shortcuts).toContainText("Ctrl+K");
  await page.keyboard.press("Escape");
  await expect(shortcuts).toBeHidden();
  // Focus goes back to the button that opened the dialog.
  await expect(page.getByRole("button", { name: "Help and shortcuts" })).toBeFocused();
});

test("axe finds no serious or critical violations (light, dark, dialogs)", async ({ page }) => {
  await openPlayground(page);
  await setSource(
    page,
    'print("axe")\nlocal a = Agent.builder():name("x"):model("mock/default"):build()\nprint(a:execute({text = "hi"}).text)',
  );
  await runWithShortcut(page);
  await waitForRunEnd(page);
  const scan = async (label: string) => {
    const result = await new AxeBuilder({ page }).exclude(".monaco-editor .view-lines").analyze();
    const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(
      bad.map(
        (v) =>
          `${label}: ${v.id} (${v.impact}) ${v.nodes
            .map((n) => n.target.join(" "))
            .slice(0, 3)
            .join(" | ")}`,
      ),
    ).toEqual([]);
  };
  await scan("console");
  await page.getByRole("tab", { name: /Trace/ }).click();
  await scan("trace");
  await page.getByRole("radio", { name: "Dark theme" }).click();
  await scan("dark");
  await page.getByRole("button", { name: "Settings" }).click();
  await scan("settings");
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Examples" }).click();
  await expect(page.getByTestId("example-item").first()).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/examples-dark.png` });
  await scan("examples");
});

test("the examples menu searches, filters by tag and opens an example", async ({ page }) => {
  await openPlayground(page);
  await setSource(page, 'print("mine")');
  await page.getByRole("button", { name: "Examples" }).click();
  const items = page.getByTestId("example-item");
  await expect(items.first()).toBeVisible();
  const all = await items.count();
  await page.getByRole("searchbox", { name: "Search examples" }).fill("hello");
  await expect.poll(() => items.count()).toBeLessThanOrEqual(all);
  await expect(items.first()).toBeVisible();
  await items.first().click();
  await expect(page.getByTestId("notice").first()).toContainText("Opened");
  await runWithShortcut(page);
  expect(await waitForRunEnd(page)).toBe("done");
  await page.getByRole("button", { name: "Settings" }).click();
  await expect(page.getByTestId("history")).toContainText('print("mine")');
});
