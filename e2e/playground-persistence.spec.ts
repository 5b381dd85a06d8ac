import { test, expect } from "./fixtures";
import { consoleLocator, openPlayground, runWithShortcut, setSource, waitForRunEnd } from "./playground-helpers";

test("a reload keeps the code; a second tab keeps its own", async ({ page, context }) => {
  await openPlayground(page);
  await setSource(page, 'print("tab one")');
  await page.reload();
  await openPlayground(page);
  await expect(page.locator(".monaco-editor .view-lines")).toContainText('print("tab one")');

  // A new tab starts from the last spell, then goes its own way.
  const second = await context.newPage();
  await openPlayground(second);
  await expect(second.locator(".monaco-editor .view-lines")).toContainText('print("tab one")');
  await setSource(second, 'print("tab two")');

  // The first tab, reloaded, still has its own spell.
  await page.reload();
  await openPlayground(page);
  await expect(page.locator(".monaco-editor .view-lines")).toContainText('print("tab one")');
  await second.reload();
  await openPlayground(second);
  await expect(second.locator(".monaco-editor .view-lines")).toContainText('print("tab two")');
});

test("a share link opens over the user's work, which goes to history", async ({ page }) => {
  await openPlayground(page);
  await setSource(page, 'print("my precious work")');
  // Build a link the way the app does (Ctrl+S copies it; here we read it from the share dialog).
  await page.getByRole("button", { name: "Share" }).click();
  const dialog = page.getByTestId("share-dialog");
  await expect(dialog).toBeVisible();
  const field = dialog.locator("input[readonly]").first();
  await expect(field).toHaveValue(/#v1\/lua\//);
  const link = await field.inputValue();
  await page.keyboard.press("Escape");

  await setSource(page, 'print("something else")');
  await openPlayground(page, link.replace(/^https?:\/\/[^/]+/, ""));
  await expect(page.locator(".monaco-editor .view-lines")).toContainText('print("my precious work")');
  await expect(page.getByTestId("notice").first()).toContainText("Opened the shared spell");
  // The address bar keeps the link (it is the permalink of what is open), so a reload opens the same spell.
  await expect.poll(() => new URL(page.url()).hash).toBe(new URL(link).hash);
  await runWithShortcut(page);
  await waitForRunEnd(page);
  await expect(consoleLocator(page)).toContainText("my precious work");

  await page.getByRole("button", { name: "Settings" }).click();
  const history = page.getByTestId("history");
  await expect(history).toContainText('print("something else")');
  await history.getByRole("button", { name: "Restore" }).first().click();
  await expect(page.locator(".monaco-editor .view-lines")).toContainText('print("something else")');
});

test("a bad share link shows a clear message and the editor keeps working", async ({ page }) => {
  await openPlayground(page);
  await setSource(page, 'print("kept")');
  await page.goto("/#v1/lua/AAAA-not-a-real-payload");
  await openPlayground(page, "/#v1/lua/AAAA-not-a-real-payload");
  const notice = page.getByTestId("notice").first();
  await expect(notice).toContainText("This share link could not be opened");
  await expect(page.locator(".monaco-editor .view-lines")).toContainText('print("kept")');
  await runWithShortcut(page);
  await waitForRunEnd(page);
  await expect(consoleLocator(page)).toContainText("kept");
  await page.goto("/#v7/lua/abc");
  await openPlayground(page, "/#v7/lua/abc");
  await expect(page.getByTestId("notice").filter({ hasText: /newer version/ })).toBeVisible();
});

test("Ctrl+S copies a share link", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(baseURL!).origin });
  await openPlayground(page);
  await setSource(page, 'print("shared by shortcut")');
  await page.keyboard.press("ControlOrMeta+S");
  await expect(page.getByTestId("notice").first()).toContainText("Share link copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.startsWith(`${new URL(baseURL!).origin}/#v1/lua/`)).toBe(true);
});

test("a full or disabled storage degrades with a notice, not a crash", async ({ page }) => {
  await page.addInitScript(() => {
    const quota = () => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
    Storage.prototype.setItem = quota;
  });
  await openPlayground(page);
  await setSource(page, 'print("no room")');
  await expect(page.getByTestId("notice").first()).toContainText(/full/);
  await runWithShortcut(page);
  await waitForRunEnd(page);
  await expect(consoleLocator(page)).toContainText("no room");
});

test("the address bar holds the permalink of what is open, and a reload opens it", async ({ page }) => {
  await openPlayground(page);
  await setSource(page, 'print("permalinked")');
  await expect.poll(() => new URL(page.url()).hash).toMatch(/^#v1\/lua\//);
  const before = await page.evaluate(() => history.length);
  await page.keyboard.type("\n-- more");
  await expect.poll(async () => (await page.evaluate(() => location.hash)).length).toBeGreaterThan(0);
  // Edits replace the entry: no history entry per keystroke.
  expect(await page.evaluate(() => history.length)).toBe(before);
  const url = page.url();
  await page.evaluate(() => sessionStorage.clear());
  await page.evaluate(() => localStorage.clear());
  await openPlayground(page, url.replace(/^https?:\/\/[^/]+/, ""));
  await expect(page.locator(".monaco-editor .view-lines")).toContainText('print("permalinked")');
  await expect(page.locator(".monaco-editor .view-lines")).toContainText("-- more");
});
