import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { test, expect } from "./fixtures";
import { encodeShareLink } from "../lib/share/link";

/** A page on another origin (another port of 127.0.0.1) that frames `src`. */
async function serveFramingPage(src: string): Promise<{ url: string; server: Server }> {
  const html = `<!doctype html><html><head><title>Lesson</title></head><body>
<h1>A lesson with an embedded spell</h1>
<iframe id="spell" src="${src.replace(/"/g, "&quot;")}" width="800" height="520" title="Embedded spell"></iframe>
</body></html>`;
  const server = createServer((_, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

test("/embed runs a spell inside an iframe on another origin", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const fragment = await encodeShareLink({
    language: "javascript",
    source:
      'const a = Agent.builder().name("e").model("mock/echo").build();\nconst r = await a.execute({ text: "embedded" });\nconsole.log("hello from " + r.text.toUpperCase());',
  });
  const { url, server } = await serveFramingPage(`${baseURL}/embed?autorun&theme=dark${fragment}`);
  try {
    await page.goto(url);
    const frame = page.frameLocator("#spell");
    await expect(frame.getByTestId("console")).toContainText("hello from EMBEDDED", { timeout: 30_000 });
    await expect(frame.getByTestId("embed")).toHaveAttribute("data-theme", "dark");
    // Run again by hand: the button works too.
    await frame.getByRole("button", { name: /^Run\b/ }).click();
    await expect(frame.getByTestId("embed-status")).toHaveText("Done", { timeout: 30_000 });
    await expect(frame.getByTestId("console")).toContainText("hello from EMBEDDED");
  } finally {
    server.close();
  }
});

test("the playground itself refuses to be framed by another origin", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const home = await page.request.get(`${baseURL}/`);
  expect(home.headers()["content-security-policy"]).toContain("frame-ancestors 'self'");
  const embed = await page.request.get(`${baseURL}/embed`);
  expect(embed.headers()["content-security-policy"]).toContain("frame-ancestors *");

  const { url, server } = await serveFramingPage(`${baseURL}/`);
  try {
    await page.goto(url);
    await page.waitForTimeout(1500);
    const framed = page.frames().find((f) => f !== page.mainFrame());
    expect(framed).toBeDefined();
    // Chromium replaces a blocked frame with an error page: none of the playground is in it.
    expect(await framed!.locator('[data-testid="playground"]').count()).toBe(0);
    expect(framed!.url()).not.toBe(`${baseURL}/`);
  } finally {
    server.close();
  }
});

test("/embed options: no editor, read-only, height, and a message for a bad link", async ({ page }) => {
  test.setTimeout(180_000);
  const fragment = await encodeShareLink({ language: "lua", source: 'print("options")' });
  await page.goto(`/embed?editor=0${fragment}`);
  await expect(page.getByTestId("embed")).toBeVisible();
  await expect(page.getByTestId("spell-editor")).toHaveCount(0);
  await page.getByRole("button", { name: /^Run\b/ }).click();
  await expect(page.getByTestId("console")).toContainText("options", { timeout: 30_000 });

  await page.goto(`/embed?readonly&height=200&theme=light${fragment}`);
  await expect(page.getByTestId("spell-editor")).toBeVisible();
  await expect(page.getByTestId("embed")).toHaveAttribute("data-theme", "light");
  const box = await page.getByTestId("spell-editor").boundingBox();
  expect(Math.round(box!.height)).toBe(200);

  await page.goto("/embed?height=5#v1/lua/AAAA");
  await expect(page.getByTestId("embed-problem")).toContainText(/truncated or damaged/);
  await expect(page.getByText(/Ignored: \?height=5/)).toBeVisible();
  await expect(page.getByTestId("spell-editor")).toBeVisible();
  await page.getByRole("button", { name: /^Run\b/ }).click();
  await expect(page.getByTestId("console")).toContainText("Hello from an embedded spell", { timeout: 30_000 });
});

test("/embed?s= opens a short link", async ({ page, request }) => {
  test.setTimeout(180_000);
  const created = await request.post("/api/share", { data: { language: "lua", source: 'print("from a short link")' } });
  const { id } = (await created.json()) as { id: string };
  await page.goto(`/embed?s=${id}&autorun`);
  await expect(page.getByTestId("console")).toContainText("from a short link", { timeout: 30_000 });
  await page.goto("/embed?s=AAAAAAAAAAA");
  await expect(page.getByTestId("embed-problem")).toContainText("No spell is stored under the short link AAAAAAAAAAA");
});
