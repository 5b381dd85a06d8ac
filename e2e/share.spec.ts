import { test, expect } from "./fixtures";
import type { Page } from "@playwright/test";
import { encodeShareLink, type SharedSpell } from "../lib/share/link";
import { inFreshContext } from "./playground-helpers";

/** Opens the playground on a share link and waits until the engine is ready. */
async function openPlayground(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByTestId("playground")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("run-status")).toHaveText(/Ready/, { timeout: 30_000 });
}

async function runAndReadConsole(page: Page): Promise<string> {
  await page.getByRole("button", { name: /^Run\b/ }).click();
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", /done|failed/, { timeout: 30_000 });
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "done");
  return (await page.getByTestId("console").innerText()).trim();
}

test("a shared spell opens in a fresh browser and prints the same output", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const spell: SharedSpell = {
    language: "lua",
    source:
      'print("shared spell says " .. 6 * 7)\nlocal agent = Agent.builder():name("echo"):model("mock/echo"):build()\nprint("echo: " .. agent:execute({text = "ping"}).text)',
  };
  await openPlayground(page, `/${await encodeShareLink(spell)}`);
  const original = await runAndReadConsole(page);
  expect(original).toContain("shared spell says 42");
  expect(original).toContain("echo: ping");

  await page.getByRole("button", { name: "Share" }).click();
  const dialog = page.getByTestId("share-dialog");
  await expect(dialog).toBeVisible();
  const link = await dialog.getByTestId("share-link").inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#v1\/lua\/[A-Za-z0-9_-]+$/);
  await expect(dialog.getByTestId("share-link-length")).toContainText(`${link.length} characters`);
  await expect(dialog.getByTestId("share-embed-snippet")).toHaveValue(
    /<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed#v1\/lua\//,
  );
  await expect(dialog.getByRole("button", { name: "Create short link" })).toHaveCount(0);

  const reopened = await inFreshContext(browser, async (fresh) => {
    await openPlayground(fresh, link);
    return runAndReadConsole(fresh);
  });
  expect(reopened).toBe(original);
});

test("a 20 KiB spell gets a short link that opens the same spell", async ({ page, browser }) => {
  test.setTimeout(180_000);
  // Hex noise in comments: deflate cannot squeeze it under the 2,000-character threshold.
  const noise = Array.from(
    { length: 340 },
    (_, i) => `-- ${(BigInt(i + 1) * 0x9e3779b97f4a7c15n).toString(16).repeat(4).slice(0, 64)}`,
  ).join("\n");
  const source = `${noise}\nprint("big spell ran")\nprint("lines: " .. ${340})\n`;
  expect(source.length).toBeGreaterThan(20 * 1024);
  await openPlayground(page, `/${await encodeShareLink({ language: "lua", source })}`);
  const original = await runAndReadConsole(page);
  expect(original).toContain("big spell ran");

  await page.getByRole("button", { name: "Share" }).click();
  const dialog = page.getByTestId("share-dialog");
  await expect(dialog.getByTestId("share-link-length")).toContainText(/long/);
  await dialog.getByRole("button", { name: "Create short link" }).click();
  const shortLink = await dialog.getByTestId("share-short-link").inputValue();
  expect(shortLink).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/s\/[A-Za-z0-9_-]{11}$/);
  await expect(dialog.getByTestId("share-embed-snippet")).toHaveValue(/\/embed\?s=[A-Za-z0-9_-]{11}/);

  const reopened = await inFreshContext(browser, async (fresh) => {
    await openPlayground(fresh, shortLink);
    return runAndReadConsole(fresh);
  });
  expect(reopened).toBe(original);

  // The API gives the stored spell back (what /embed?s= uses), and the same content gets the same id.
  const id = shortLink.split("/s/")[1];
  const stored = await page.request.get(`/api/share/${id}`);
  expect(stored.status()).toBe(200);
  const storedSpell = (await stored.json()) as { language: string; source: string; model?: string };
  expect(storedSpell).toMatchObject({ language: "lua", source });
  const again = await page.request.post("/api/share", { data: storedSpell });
  expect(again.status()).toBe(200);
  expect((await again.json()).id).toBe(id);
});

test("bad links show a clear message and leave the editor working", async ({ page }) => {
  test.setTimeout(180_000);
  const cases: [string, RegExp][] = [
    ["/#v1/lua/AAAA", /truncated or damaged/],
    ["/#v4/lua/abc", /newer version/],
    ["/#v1/python/abc", /unknown language "python"/],
    ["/#v1/lua/ab+c", /not base64url/],
  ];
  for (const [path, message] of cases) {
    await openPlayground(page, path);
    await expect(page.getByTestId("notice").filter({ hasText: message })).toBeVisible();
  }
  // The editor still runs whatever spell it holds.
  await page.goto(`/${await encodeShareLink({ language: "javascript", source: 'console.log("still works")' })}`);
  await expect(page.getByTestId("run-status")).toHaveText(/Ready/, { timeout: 30_000 });
  expect(await runAndReadConsole(page)).toContain("still works");
});

test("short links that do not exist show a not-found page", async ({ page }) => {
  test.setTimeout(180_000);
  for (const path of ["/s/AAAAAAAAAAA", "/s/not-an-id"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId("short-link-problem")).toContainText("No spell behind this short link");
    await expect(page.getByRole("link", { name: "Open the playground" })).toBeVisible();
  }
});

test("the share API refuses oversized and malformed bodies", async ({ request }) => {
  test.setTimeout(180_000);
  const tooBig = await request.post("/api/share", { data: { language: "lua", source: "x".repeat(64 * 1024 + 1) } });
  expect(tooBig.status()).toBe(413);
  const bad = await request.post("/api/share", { data: { language: "cobol", source: "x" } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatchObject({ kind: "bad_request", message: expect.stringMatching(/language/) });
});
