import { test, expect } from "./fixtures";

test("an unknown address gets our 404 page with ways on", async ({ page }) => {
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId("not-found")).toBeVisible();
  await expect(page.getByRole("heading", { name: "There is no page at this address" })).toBeVisible();
  await page.getByRole("link", { name: "Open the playground" }).click();
  await expect(page.getByTestId("playground")).toBeVisible();
});

test("pages carry an icon and share-preview metadata, served by the app itself", async ({ page, request }) => {
  for (const path of ["/", "/embed", "/docs"]) {
    await page.goto(path);
    await expect(page.locator('link[rel="icon"]').first(), path).toHaveAttribute("href", /\/icon\.svg/);
    await expect(page.locator('meta[property="og:image"]').first(), path).toHaveAttribute("content", /\/og\.png$/);
    await expect(page.locator('meta[name="twitter:card"]'), path).toHaveAttribute("content", "summary_large_image");
  }
  for (const [file, type] of [
    ["/og.png", "image/png"],
    ["/apple-touch-icon.png", "image/png"],
    ["/icon.svg", "image/svg+xml"],
  ]) {
    const response = await request.get(file);
    expect(response.status(), file).toBe(200);
    expect(response.headers()["content-type"], file).toContain(type);
  }
});
