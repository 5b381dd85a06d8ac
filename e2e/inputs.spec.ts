import { test, expect } from "./fixtures";
import type { Page } from "@playwright/test";
import { decodeShareLink, encodeShareLink } from "../lib/share/link";
import { consoleLocator, openPlayground, runWithShortcut, setSource, waitForRunEnd } from "./playground-helpers";

async function openInputs(page: Page) {
  const toggle = page.getByRole("button", { name: /^Inputs/ });
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  return page.getByTestId("inputs-panel");
}

async function addInput(page: Page, key: string, value: string) {
  const panel = await openInputs(page);
  await panel.getByRole("button", { name: "+ Add input" }).click();
  const n = await panel.getByRole("textbox", { name: /^Name of input/ }).count();
  await panel.getByRole("textbox", { name: `Name of input ${n}` }).fill(key);
  await panel.getByRole("textbox", { name: `Value of input ${n}` }).fill(value);
}

test("an ARG set in the inputs panel reaches the run, the CLI command, a reload and a share link", async ({
  page,
  context,
  baseURL,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(baseURL!).origin });
  await openPlayground(page);
  await setSource(page, "print(ARGS.name)\nprint(ARGS.note)");
  await addInput(page, "name", "Ada Lovelace");
  await addInput(page, "note", "it's $5");
  await runWithShortcut(page);
  expect(await waitForRunEnd(page)).toBe("done");
  await expect(consoleLocator(page)).toContainText("Ada Lovelace");
  await expect(consoleLocator(page)).toContainText("it's $5");

  // The CLI command, copied and shown.
  const expected = `npx llmspell run spell.lua --model mock/default --arg 'name=Ada Lovelace' --arg 'note=it'\\''s $5'`;
  const panel = page.getByTestId("inputs-panel");
  await expect(panel.getByTestId("cli-command")).toHaveText(expected);
  await panel.getByRole("button", { name: "Copy CLI command" }).click();
  await expect(page.getByTestId("notice").first()).toContainText("CLI command copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);

  // A bad row is named, not used, and the others stay.
  await addInput(page, "bad key", "x");
  await expect(panel.getByRole("alert")).toContainText('"bad key" may not contain');
  await expect(panel.getByTestId("cli-command")).toHaveText(expected);

  // The address bar's permalink carries the ARGS.
  await expect
    .poll(async () => {
      const hash = await page.evaluate(() => location.hash);
      return hash ? (await decodeShareLink(hash)).args : null;
    })
    .toEqual({ name: "Ada Lovelace", note: "it's $5" });

  // A reload keeps the rows (and the toggle counts them).
  await page.reload();
  await expect(page.getByTestId("playground")).toBeVisible();
  await expect(page.getByRole("button", { name: "Inputs (2)" })).toBeVisible();
  const reloaded = await openInputs(page);
  await expect(reloaded.getByRole("textbox", { name: "Name of input 1" })).toHaveValue("name");
  await expect(reloaded.getByRole("textbox", { name: "Value of input 2" })).toHaveValue("it's $5");

  // Removing a row takes it out of the run.
  await reloaded.getByRole("button", { name: "Remove input note" }).click();
  await expect(reloaded.getByTestId("cli-command")).toHaveText(
    "npx llmspell run spell.lua --model mock/default --arg 'name=Ada Lovelace'",
  );
});

test("a share link's args open as rows of the inputs panel", async ({ page }) => {
  const hash = await encodeShareLink({ language: "lua", source: "print(ARGS.city)", args: { city: "Paris" } });
  await openPlayground(page, `/${hash}`);
  const panel = await openInputs(page);
  await expect(panel.getByRole("textbox", { name: "Name of input 1" })).toHaveValue("city");
  await expect(panel.getByRole("textbox", { name: "Value of input 1" })).toHaveValue("Paris");
  await runWithShortcut(page);
  await waitForRunEnd(page);
  await expect(consoleLocator(page)).toContainText("Paris");
});

test("the inputs panel fits a phone", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, baseURL });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByTestId("playground")).toBeVisible();
  await addInput(page, "name", "Ada");
  const panel = page.getByTestId("inputs-panel");
  for (const el of [
    panel.getByRole("textbox", { name: "Value of input 1" }),
    panel.getByRole("button", { name: "Remove input name" }),
    panel.getByRole("button", { name: "Copy CLI command" }),
  ]) {
    const box = await el.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
  }
  // The panel itself never scrolls sideways (the page header's own width is another matter).
  expect(await panel.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await context.close();
});
