import { test, expect } from "./fixtures";
import {
  SCREENSHOT_DIR,
  chooseLanguage,
  consoleLocator,
  openPlayground,
  runWithShortcut,
  setSource,
  waitForRunEnd,
} from "./playground-helpers";

test("the default Lua hello-agent spell streams tokens before the run ends and shows a trace", async ({ page }) => {
  await openPlayground(page);
  await page
    .locator(".monaco-editor")
    .first()
    .click({ position: { x: 200, y: 40 } });
  // Record, at every DOM change, the run status and the streamed text at that one instant: whether tokens
  // arrived before the run ended is then read from what the page showed, not from when the test looked.
  await page.evaluate(() => {
    const seen: { status: string | null; statusText: string; streamed: number }[] = [];
    (window as unknown as { __runObservations: typeof seen }).__runObservations = seen;
    new MutationObserver(() => {
      const stream = document.querySelector('[data-testid="stream-line"]');
      const status = document.querySelector('[data-testid="run-status"]');
      if (!stream || !status) return;
      seen.push({
        status: status.getAttribute("data-status"),
        statusText: status.textContent ?? "",
        streamed: (stream.textContent ?? "").length,
      });
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await runWithShortcut(page);
  const stream = page.getByTestId("stream-line").first();
  await expect(stream).toBeVisible({ timeout: 15_000 });
  expect(await waitForRunEnd(page)).toBe("done");
  const seen = await page.evaluate(
    () =>
      (window as unknown as { __runObservations: { status: string | null; statusText: string; streamed: number }[] })
        .__runObservations,
  );
  const whileRunning = seen.filter((o) => o.status === "running" && o.streamed > 0);
  expect(whileRunning.length, "tokens should arrive before the run ends").toBeGreaterThan(0);
  // The status shows the elapsed time and the live token count while the model streams.
  expect(whileRunning.some((o) => /^Running .+ · [1-9]\d* tokens$/.test(o.statusText))).toBe(true);
  // The line keeps growing after its first tokens.
  expect((await stream.innerText()).length).toBeGreaterThan(whileRunning[0].streamed);
  await expect(stream).toHaveAttribute("data-done", "true");
  await expect(consoleLocator(page)).toContainText("Asking the agent...");
  await expect(consoleLocator(page)).toContainText(/Done: \d+ tokens/);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/run-lua-console.png` });

  await page.getByRole("tab", { name: /Trace/ }).click();
  const agentRow = page.locator('[data-testid="trace-row"][data-kind="agent"]').first();
  await expect(agentRow).toBeVisible();
  await expect(agentRow).toContainText("greeter");
  await expect(agentRow.getByTestId("trace-tokens")).toContainText(/\d+/);
  await expect(agentRow).toContainText(/\d+(\.\d+)? m?s/);
  await agentRow.getByRole("button", { name: "greeter", exact: true }).click();
  await expect(page.getByTestId("trace")).toContainText("Output");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/run-lua-trace.png` });

  await page.getByRole("tab", { name: "Result" }).click();
  await expect(page.getByTestId("result")).toContainText("text");
});

test("a typed Lua spell runs with Ctrl+Enter", async ({ page }) => {
  await openPlayground(page);
  await setSource(
    page,
    'local t = {}\nfor i = 1, 3 do t[#t + 1] = i * i end\nprint("squares: " .. table.concat(t, ","))\nreturn #t',
  );
  await runWithShortcut(page);
  expect(await waitForRunEnd(page)).toBe("done");
  await expect(consoleLocator(page)).toContainText("squares: 1,4,9");
  await page.getByRole("tab", { name: "Result" }).click();
  await expect(page.getByTestId("result")).toContainText("3");
});

test("a typed JavaScript spell runs with the Run button", async ({ page }) => {
  await openPlayground(page);
  await chooseLanguage(page, "JavaScript");
  await expect(page.locator('[data-editor-ready="true"]')).toBeVisible();
  await setSource(
    page,
    'const xs = [1, 2, 3].map((x) => x * 2);\nconsole.log("doubled: " + xs.join(","));\nconsole.warn("careful");',
  );
  await page.getByRole("button", { name: "Run", exact: true }).click();
  expect(await waitForRunEnd(page)).toBe("done");
  await expect(consoleLocator(page)).toContainText("doubled: 2,4,6");
  await expect(consoleLocator(page).locator('[data-level="warn"]')).toContainText("careful");
});

test("the default JavaScript hello-agent spell streams and traces", async ({ page }) => {
  await openPlayground(page);
  await chooseLanguage(page, "JavaScript");
  await page.getByRole("button", { name: "Run", exact: true }).click();
  expect(await waitForRunEnd(page)).toBe("done");
  await expect(page.getByTestId("stream-line").first()).toBeVisible();
  await expect(consoleLocator(page)).toContainText(/Done: \d+ tokens/);
  await page.getByRole("tab", { name: /Trace/ }).click();
  await expect(page.locator('[data-testid="trace-row"][data-kind="agent"]').first()).toContainText("greeter");
});

test("Ctrl+K clears the console", async ({ page }) => {
  await openPlayground(page);
  await setSource(page, 'print("one line")');
  await runWithShortcut(page);
  await waitForRunEnd(page);
  await expect(consoleLocator(page)).toContainText("one line");
  await page.keyboard.press("ControlOrMeta+K");
  await expect(consoleLocator(page)).not.toContainText("one line");
});
