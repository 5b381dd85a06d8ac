import AxeBuilder from "@axe-core/playwright";
import { test, expect } from "./fixtures";
import { SCREENSHOT_DIR } from "./playground-helpers";

test("the docs render the reference and open a snippet in the playground", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/docs");
  await expect(page.getByRole("heading", { name: "Spell API reference" })).toBeVisible();
  for (const name of ["Getting started", "Running spells from the terminal", "Globals", "Objects", "Built-in tools"]) {
    await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
  }
  await expect(page.locator("#Agent")).toBeVisible();
  await expect(page.locator("#tool-calculator")).toBeVisible();
  expect(await page.getByTestId("api-function").count()).toBeGreaterThan(50);

  // The language toggle hides the other language.
  await page.getByRole("radio", { name: "JavaScript" }).click();
  await expect(page.locator("#Agent\\.builder").locator(".lua-only").first()).toBeHidden();
  await expect(page.locator("#Agent\\.builder").locator(".js-only").first()).toBeVisible();
  await page.getByRole("radio", { name: "Lua" }).click();

  // Open the getting-started spell (Lua) in the playground and run it.
  await page.getByRole("link", { name: "Open the getting-started spell in the playground (Lua)" }).click();
  await expect(page).toHaveURL(/\/$|\/#v1\/lua\//);
  await expect(page.getByTestId("playground")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("run-status")).toHaveText(/Ready/, { timeout: 30_000 });
  await page.getByRole("button", { name: /^Run\b/ }).click();
  await expect(page.getByTestId("console")).toContainText("6 * 7 = 42", { timeout: 30_000 });
});

test("search filters globals, functions, methods and tools as you type; / focuses it", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/docs");
  const nav = page.getByRole("navigation", { name: "Docs sections" });
  const search = nav.getByRole("searchbox", { name: "Search the docs" });
  await expect(nav.getByRole("link", { name: "calculator", exact: true })).toBeVisible();
  const allLinks = await nav.getByRole("link").count();

  await page.locator("h1").click();
  await page.keyboard.press("/");
  await expect(search).toBeFocused();
  await page.keyboard.type("execute");
  const results = nav.getByRole("list", { name: "Search results" }).getByRole("link");
  await expect(results.first()).toBeVisible();
  await expect(results.filter({ hasText: "Tool.execute" })).toHaveCount(1);
  await expect(results.filter({ hasText: /^execute\s*method · Agent$/ })).toHaveCount(1);
  await expect(nav.getByRole("link", { name: "calculator", exact: true })).toHaveCount(0);
  expect(await results.count()).toBeLessThan(allLinks);
  await expect(nav.getByRole("status")).toHaveText(/^\d+ results?$/);

  // Keep typing: nothing matches, and the page says so.
  await page.keyboard.type("zzq");
  await expect(results).toHaveCount(0);
  await expect(nav.getByRole("status")).toHaveText("No results for “executezzq”.");

  // Escape clears the search; Enter opens the best result; the arrow keys walk the results.
  await page.keyboard.press("Escape");
  await expect(search).toHaveValue("");
  await expect(nav.getByRole("link", { name: "calculator", exact: true })).toBeVisible();
  await search.fill("rag search");
  await page.keyboard.press("ArrowDown");
  await expect(results.first()).toBeFocused();
  await expect(results.first()).toContainText("RAG.search");
  await page.keyboard.press("ArrowUp");
  await expect(search).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#RAG\.search$/);
  await expect(page.locator("#RAG\\.search")).toBeInViewport();
});

test("the side navigation highlights the section being read", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/docs");
  const nav = page.getByRole("navigation", { name: "Docs sections" });
  const current = nav.locator('a[aria-current="location"]');
  await expect(current).toHaveText("Getting started");
  for (const [id, label] of [
    ["tool-calculator", "calculator"],
    ["Event", "Event"],
    ["class-AgentBuilder", "AgentBuilder"],
  ]) {
    await page.locator(`[id="${id}"]`).evaluate((el) => el.scrollIntoView({ block: "start" }));
    await expect(current).toHaveText(label);
    await expect(current).toHaveAttribute("href", `#${id}`);
    await expect(current).toBeInViewport();
  }
  await expect(current).toHaveCount(1);
});

test("on a phone the navigation is a menu that opens, jumps and closes", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/docs");
  const nav = page.getByRole("navigation", { name: "Docs sections" });
  const menu = page.getByRole("button", { name: "Sections" });
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(nav).toBeVisible();
  await nav.getByRole("link", { name: "RAG", exact: true }).click();
  await expect(nav).toBeHidden();
  await expect(page).toHaveURL(/#RAG$/);
  await expect(page.locator("#RAG-title")).toBeInViewport();
  await expect(page.getByTestId("docs-current-section")).toHaveText("RAG");

  // The search is in the menu too; Escape closes the menu and gives focus back to its button.
  await menu.click();
  await nav.getByRole("searchbox", { name: "Search the docs" }).fill("uuid");
  await expect(nav.getByRole("link", { name: /uuid-generator/ })).toBeVisible();
  await nav.getByRole("searchbox", { name: "Search the docs" }).press("Escape");
  await nav.getByRole("searchbox", { name: "Search the docs" }).press("Escape");
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();
});

for (const scheme of ["light", "dark"] as const) {
  test(`axe finds no violations on /docs (${scheme}); screenshots at 390, 1024 and 1280 px`, async ({ page }) => {
    test.setTimeout(600_000);
    await page.emulateMedia({ colorScheme: scheme });
    const violations: string[] = [];
    for (const width of [390, 1024, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/docs");
      await expect(page.locator("html")).toHaveAttribute("data-theme", scheme);
      await expect(page.getByRole("heading", { name: "Spell API reference" })).toBeVisible();
      await page.screenshot({ path: `${SCREENSHOT_DIR}/docs-${width}-${scheme}.png` });
      // 390 px has the phone's section bar, 1024 px (lg) the side navigation; 1280 px is that layout, wider.
      if (width === 1280) continue;
      const result = await new AxeBuilder({ page }).analyze();
      for (const v of result.violations)
        violations.push(
          `${width}px: ${v.id} (${v.impact}, ${v.nodes.length}): ${v.nodes
            .map((n) => n.target.join(" "))
            .slice(0, 3)
            .join(" | ")}`,
        );
    }
    expect(violations).toEqual([]);
  });
}

test("a method fragment's link opens a whole spell that runs", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/docs");
  await page.getByRole("radio", { name: "Lua" }).click();
  await page.getByRole("link", { name: "Open model (AgentBuilder) in the playground (Lua)" }).click();
  await expect(page).toHaveURL(/\/#v1\/lua\//);
  await expect(page.getByTestId("playground")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("run-status")).toHaveText(/Ready/, { timeout: 30_000 });
  await page.getByRole("button", { name: /^Run\b/ }).click();
  // mock/echo answers with the question: the spell built the agent, ran it and printed its reply.
  await expect(page.getByTestId("console")).toContainText("Hello", { timeout: 30_000 });
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "done");
});
