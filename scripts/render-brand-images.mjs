/**
 * Renders the share preview image (public/og.png, 1200×630) and the app icon (public/apple-touch-icon.png,
 * 180×180) from public/icon.svg with Debian's Chromium, so the PNGs in public/ have a source that can be edited
 * and re-rendered: `node scripts/render-brand-images.mjs`. Offline: system fonts only.
 */
import { readFileSync } from "node:fs";
import { chromium } from "@playwright/test";

const root = new URL("../public/", import.meta.url);
const icon = readFileSync(new URL("icon.svg", root), "utf8");

const card = `<html><body style="margin:0;width:1200px;height:630px;display:flex;align-items:center;gap:56px;
  padding:0 96px;box-sizing:border-box;background:linear-gradient(135deg,#1e1b4b,#4c1d95);font-family:sans-serif;color:#f5f3ff">
  <div style="width:220px;height:220px;flex:none">${icon.replace("<svg ", '<svg width="220" height="220" ')}</div>
  <div><div style="font-size:72px;font-weight:700;letter-spacing:-1px">LLMSpell Playground</div>
  <div style="font-size:32px;margin-top:20px;color:#ddd6fe;line-height:1.35">Lua and JavaScript spells that drive LLM agents,<br>tools and workflows, right in your browser.</div></div>
</body></html>`;
const touch = `<html><body style="margin:0">${icon.replace("<svg ", '<svg width="180" height="180" ')}</body></html>`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium" });
try {
  for (const [html, file, width, height] of [
    [card, "og.png", 1200, 630],
    [touch, "apple-touch-icon.png", 180, 180],
  ]) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.setContent(html);
    await page.screenshot({ path: new URL(file, root).pathname, omitBackground: file !== "og.png" });
    await page.close();
  }
} finally {
  await browser.close();
}
