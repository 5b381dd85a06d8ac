import type { Browser, BrowserContext, Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { encodeShareLink } from "../lib/share/link";
import { setSource } from "./playground-helpers";

/**
 * Recorded runs in the page: a run shared with its recording opens in a fresh browser with the gateway's model
 * route blocked and shows the same output (a replay); a changed spell says which call diverged and Fork goes on
 * with the mock; Compare runs one spell with two models and shows both outputs and a diff.
 */

const SPELL = [
  'local poet = Agent.builder():name("poet"):model("mock/default"):build()',
  'print("poem: " .. poet:execute({text = "write about tides"}).text)',
  'print("roll " .. math.random(1000000))',
  'print("id " .. Tool.execute("uuid-generator", {operation = "generate"}).result.uuid)',
].join("\n");

async function openPlayground(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByTestId("playground")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("run-status")).toHaveText(/Ready/, { timeout: 30_000 });
}

async function waitForRun(page: Page, status: string) {
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", /done|failed|cancelled/, {
    timeout: 30_000,
  });
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", status);
}

const consoleText = async (page: Page) => (await page.getByTestId("console").innerText()).trim();

/** A fresh context (no storage from the first page) whose model route always fails, counting every attempt. */
async function offlineModelContext(browser: Browser): Promise<{ context: BrowserContext; llmCalls: string[] }> {
  const context = await browser.newContext();
  const llmCalls: string[] = [];
  await context.route(
    (url) => !["127.0.0.1", "localhost"].includes(url.hostname) && !/^(data|blob|about):/.test(url.protocol),
    (route) => route.abort("blockedbyclient"),
  );
  await context.route("**/api/llm**", async (route) => {
    llmCalls.push(route.request().url());
    await route.abort("blockedbyclient");
  });
  return { context, llmCalls };
}

test("a link with a recorded run replays in a fresh browser with the model route blocked; a change forks", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  // Record: a normal run through the gateway's mock provider.
  await openPlayground(page, `/${await encodeShareLink({ language: "lua", source: SPELL })}`);
  await page.getByRole("button", { name: /^Run\b/ }).click();
  await waitForRun(page, "done");
  const recorded = await consoleText(page);
  expect(recorded).toMatch(/poem: .+/);
  expect(recorded).toMatch(/id [0-9a-f-]{36}/);

  await page.getByRole("button", { name: "Share", exact: true }).click();
  const dialog = page.getByTestId("share-dialog");
  await dialog.getByTestId("share-include-recording").check();
  await expect(dialog.getByTestId("share-link")).toHaveValue(/\/#v2\/lua\//);
  const link = await dialog.getByTestId("share-link").inputValue();

  const { context, llmCalls } = await offlineModelContext(browser);
  try {
    const fresh = await context.newPage();
    await fresh.goto(link);
    // Shown at once: the recorded output, marked with the model and the day.
    await expect(fresh.getByTestId("recorded-run-label")).toHaveText(
      /^Recorded with mock\/default on [A-Z][a-z]{2} \d{1,2}, \d{4}$/,
      { timeout: 30_000 },
    );
    await waitForRun(fresh, "done");
    expect(await consoleText(fresh)).toBe(recorded);
    await fresh.getByRole("tab", { name: /Trace/ }).click();
    await expect(fresh.getByRole("tab", { name: /Trace/ })).toContainText(/\d/);
    await fresh.getByRole("tab", { name: /Console/ }).click();

    // Replay at the recorded pace times four: the same output again.
    await fresh.getByLabel("Replay speed").selectOption("4");
    await fresh.getByRole("button", { name: "Replay", exact: true }).click();
    await waitForRun(fresh, "done");
    expect(await consoleText(fresh)).toBe(recorded);

    // Change the prompt: the replay stops at the call that differs and says how.
    await expect(fresh.locator('[data-editor-ready="true"]')).toBeVisible({ timeout: 20_000 });
    await setSource(fresh, SPELL.replace("write about tides", "write about waves"));
    await fresh.getByRole("button", { name: "Replay", exact: true }).click();
    await waitForRun(fresh, "failed");
    await expect(fresh.getByTestId("replay-divergence")).toContainText(
      'The replay diverged at step 1: call 1 (mock/default): message 2 (user) differs: recorded "write about tides", now "write about waves"',
    );

    // Fork there on the mock: the run goes on, the new prompt answered in the page.
    await fresh.getByRole("button", { name: "Fork at step 1: continue on the mock" }).click();
    await waitForRun(fresh, "done");
    await expect(fresh.getByTestId("recorded-run-forked")).toContainText("ran live on the mock");
    const forked = await consoleText(fresh);
    expect(forked).toMatch(/poem: .*waves/);
    // The clock, random numbers and ids still come from the recording.
    expect(forked.split("\n").filter((l) => /^(roll|id) /.test(l))).toEqual(
      recorded.split("\n").filter((l) => /^(roll|id) /.test(l)),
    );
    expect(llmCalls).toEqual([]);
  } finally {
    await context.close();
  }
});

test("Compare runs one spell with two models and shows both outputs and a diff", async ({ page }) => {
  test.setTimeout(180_000);
  const source = [
    'local a = Agent.builder():name("writer"):build()',
    'print("answer: " .. a:execute({text = "name three colours"}).text)',
  ].join("\n");
  await openPlayground(page, `/${await encodeShareLink({ language: "lua", source })}`);
  await page.getByRole("button", { name: "Compare", exact: true }).click();
  const compare = page.getByTestId("compare");
  await compare.getByLabel("Model A").fill("mock/echo");
  await compare.getByLabel("Model B").fill("mock/default");
  await compare.getByRole("button", { name: "Compare", exact: true }).click();
  await expect(compare.getByTestId("compare-status")).toHaveText("Done", { timeout: 60_000 });
  await expect(compare.getByTestId("compare-side-a")).toContainText("mock/echo");
  await expect(compare.getByTestId("compare-side-a")).toContainText("answer: name three colours");
  await expect(compare.getByTestId("compare-side-b")).toContainText("mock/default");
  await expect(compare.getByTestId("compare-side-b")).toContainText("answer: ");
  const diff = compare.getByTestId("compare-diff");
  await expect(diff.locator("ins, del").first()).toBeVisible();
  await expect(compare.getByTestId("compare-steps").locator("tbody tr")).toHaveCount(2);

  // Shareable with both recorded runs.
  await compare.getByRole("button", { name: "Share comparison…" }).click();
  const share = page.getByTestId("share-dialog");
  await expect(share.getByTestId("share-include-recording")).toBeChecked();
  await expect(share.getByTestId("share-link")).toHaveValue(/\/#v2\/lua\//);
});
