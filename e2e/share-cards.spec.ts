import type { APIRequestContext } from "@playwright/test";
import { test, expect } from "./fixtures";

/** The content of `<meta property|name="key">` in a page's HTML (entities decoded), as an unfurler reads it. */
function metaOf(html: string, key: string): string | undefined {
  const tag = html.match(new RegExp(`<meta[^>]*(?:property|name)="${key}"[^>]*>`))?.[0];
  const content = tag?.match(/content="([^"]*)"/)?.[1];
  return content
    ?.replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

async function share(request: APIRequestContext, language: string, source: string): Promise<string> {
  const response = await request.post("/api/share", { data: { language, source } });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { id: string }).id;
}

test("a short link's page carries the spell's share card, then opens the spell", async ({ page, request }) => {
  test.setTimeout(120_000);
  const source =
    '-- title: Tide pools & "friends"\n-- description: An agent writes about what lives in a tide pool.\n' +
    `-- tags: agents\n\nprint("card ${Date.now()}")`;
  const id = await share(request, "lua", source);
  // What a link unfurler gets: HTML with no script run, no redirect.
  const response = await request.get(`/s/${id}`, { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(metaOf(html, "og:title")).toBe('Tide pools & "friends"');
  expect(metaOf(html, "twitter:title")).toBe('Tide pools & "friends"');
  expect(metaOf(html, "og:description")).toBe("An agent writes about what lives in a tide pool.");
  expect(metaOf(html, "description")).toBe("An agent writes about what lives in a tide pool.");
  expect(metaOf(html, "og:image")).toMatch(/^https?:\/\/[^/]+\/og\.png$/);
  expect(metaOf(html, "twitter:card")).toBe("summary_large_image");
  expect(metaOf(html, "og:url")).toMatch(new RegExp(`/s/${id}$`));
  expect(html).toContain("<title>Tide pools &amp; &quot;friends&quot; · LLMSpell Playground</title>");

  // A browser goes on to the playground, at the spell's permalink, with the spell in the editor.
  await page.goto(`/s/${id}`);
  await expect(page).toHaveURL(/\/#v1\/lua\//, { timeout: 20_000 });
  await expect(page.locator('[data-editor-ready="true"]')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator(".monaco-editor .view-lines")).toContainText("Tide pools");
});

test("a spell without front matter gets a card named for its language; a bad id a clear page", async ({ request }) => {
  const id = await share(request, "javascript", `console.log("no front matter ${Date.now()}")`);
  const html = await (await request.get(`/s/${id}`)).text();
  expect(metaOf(html, "og:title")).toBe("A shared JavaScript spell");
  expect(metaOf(html, "og:description")).toMatch(/^A JavaScript spell shared from LLMSpell Playground/);
  for (const bad of ["/s/AAAAAAAAAAA", "/s/not-an-id", "/s/%00%00"]) {
    const response = await request.get(bad);
    expect(response.status(), bad).toBe(404);
    expect(await response.text(), bad).toContain("No spell behind this short link");
  }
});

test("/embed has a title, a description and a share card", async ({ request }) => {
  const html = await (await request.get("/embed")).text();
  expect(html).toContain("<title>A spell to run · LLMSpell Playground</title>");
  expect(metaOf(html, "description")).toMatch(/embedded from LLMSpell Playground/);
  expect(metaOf(html, "og:title")).toBe("A spell to run");
  expect(metaOf(html, "og:image")).toMatch(/\/og\.png$/);
});
