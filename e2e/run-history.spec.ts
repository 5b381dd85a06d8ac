import { test, expect } from "./fixtures";
import { consoleLocator, openPlayground, runWithShortcut, setSource, waitForRunEnd } from "./playground-helpers";

test("runs go to the History tab: reopen one, compare two outputs, and they survive a reload", async ({ page }) => {
  await openPlayground(page);
  await setSource(page, 'print("first run")\nprint("same line")');
  await runWithShortcut(page);
  await waitForRunEnd(page);
  await setSource(page, 'print("second run")\nprint("same line")');
  await runWithShortcut(page);
  await waitForRunEnd(page);

  await page.getByRole("tab", { name: "History" }).click();
  const rows = page.getByTestId("run-history-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("done");

  await rows.nth(0).getByRole("checkbox").check();
  await rows.nth(1).getByRole("checkbox").check();
  const diff = page.getByTestId("run-diff");
  await expect(diff).toContainText("- first run");
  await expect(diff).toContainText("+ second run");
  await expect(diff).toContainText("  same line");

  // Open the older run: its console comes back.
  await rows.nth(1).getByRole("button", { name: "Open" }).click();
  await expect(consoleLocator(page)).toContainText("first run");
  await expect(consoleLocator(page)).not.toContainText("second run");

  await page.reload();
  await openPlayground(page);
  await page.getByRole("tab", { name: "History" }).click();
  await expect(page.getByTestId("run-history-row")).toHaveCount(2);

  // Replay the newest run from its recording: the output comes back marked as recorded, with no model call.
  await page.getByTestId("run-history-row").first().getByRole("button", { name: "Replay" }).click();
  await expect(page.getByTestId("recorded-run-label")).toContainText("Recorded with");
  expect(await waitForRunEnd(page)).toBe("done");
  await expect(consoleLocator(page)).toContainText("second run");
});
