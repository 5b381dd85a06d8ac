import { test, expect } from "./fixtures";
import { encodeShareLink } from "../lib/share/link";
import { openPlayground, runWithShortcut, setSource, waitForRunEnd } from "./playground-helpers";

test("the header's run time is the Result panel's wall time", async ({ page }) => {
  await openPlayground(page);
  await setSource(
    page,
    'local a = Agent.builder():model("mock/default"):build()\nreturn a:execute({text = "hi"}).text',
  );
  await runWithShortcut(page);
  expect(await waitForRunEnd(page)).toBe("done");
  const status = (await page.getByTestId("run-status").textContent()) ?? "";
  await page.getByRole("tab", { name: /Result/ }).click();
  const wall = /wall (\S+ m?s)/.exec((await page.getByTestId("result").textContent()) ?? "")?.[1];
  expect(wall).toBeTruthy();
  expect(status).toContain(`Done in ${wall}`);
});

test("opening an example that switches the model says so", async ({ page }) => {
  await openPlayground(page);
  await page.getByRole("button", { name: "Examples" }).click();
  await page.getByRole("searchbox", { name: "Search examples" }).fill("spell with parameters");
  await page.getByTestId("example-item").first().click();
  await expect(page.getByTestId("notice").first()).toContainText(
    "Model set to mock/echo for this example (was mock/default)",
  );
});

test("the embed's badge names the model the spell uses, before and after a run", async ({ page }) => {
  const fragment = await encodeShareLink({
    language: "lua",
    model: "mock/default",
    source: 'local a = Agent.builder():name("e"):model("mock/echo"):build()\nprint(a:execute({text = "badge"}).text)',
  });
  await page.goto(`/embed${fragment}`);
  const badge = page.getByTestId("embed-badge");
  await expect(badge).toHaveText("Lua · mock/echo");
  await page.getByRole("button", { name: /^Run\b/ }).click();
  await expect(page.getByTestId("embed-status")).toHaveText("Done", { timeout: 30_000 });
  await expect(badge).toHaveText("Lua · mock/echo");
  await expect(badge).toHaveAttribute("title", /last run/);
});
