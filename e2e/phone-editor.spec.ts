import { test, expect } from "./fixtures";
import { waitForRunEnd } from "./playground-helpers";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

/** 60 lines: line 3 is long enough to wrap several times on a phone; line 55 raises. */
const SPELL = Array.from({ length: 60 }, (_, i) =>
  i === 2
    ? `local long = "${"a long line that wraps ".repeat(12)}"`
    : i === 54
      ? 'error("boom on line 55")'
      : `local v${i + 1} = ${i + 1}`,
).join("\n");

test("phone editor: numbers follow wrapped lines, and a run's error marks the right line", async ({ page }) => {
  await page.goto("/");
  const editor = page.getByTestId("plain-editor");
  await expect(editor).toBeVisible();
  // A touch screen is told to tap, not to press keys it does not have.
  await expect(page.getByText(/^Tap\s+Run to cast the spell\.$/)).toBeVisible();
  await expect(page.getByText(/^Press .* to cast the spell\.$/)).toBeHidden();
  await editor.locator("textarea").fill(SPELL);

  // Line 3 wraps: line 4's number sits several text lines below line 3's.
  const top = async (n: number) => (await editor.locator(`[data-line-number="${n}"]`).boundingBox())!.y;
  const lineHeight = (await top(2)) - (await top(1));
  expect((await top(4)) - (await top(3))).toBeGreaterThan(2 * lineHeight);

  await page.getByRole("button", { name: "Run", exact: true }).click();
  expect(await waitForRunEnd(page, 45_000)).toBe("failed");
  const marked = editor.locator('[data-line-number="55"]');
  await expect(marked).toHaveAttribute("data-marked", "error");
  await expect(editor.locator('[data-marked="error"]')).toHaveCount(1);

  // Scrolled to the top and back down, the mark is still on line 55's row.
  await editor.evaluate((el) => (el.scrollTop = 0));
  await marked.scrollIntoViewIfNeeded();
  await expect(marked).toBeInViewport();
  await expect(marked).toHaveAttribute("data-marked", "error");

  // Changing the code clears the stale error mark.
  await editor.locator("textarea").press("End");
  await editor.locator("textarea").type(" ");
  await expect(editor.locator('[data-marked="error"]')).toHaveCount(0);
});
