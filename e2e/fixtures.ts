import { test as base, expect, type Page } from "@playwright/test";

/**
 * Every e2e test uses this `test`: it aborts and records any request to a host other than 127.0.0.1/localhost,
 * and fails the test if there was one (nothing the app does may leave the machine), and it fails the test on any
 * uncaught exception in a page (a crash the page survived only by showing its error screen is still a crash).
 */
export const test = base.extend<{ offHostRequests: string[]; pageErrors: string[] }>({
  pageErrors: [
    async ({ context }, use) => {
      const errors: string[] = [];
      const watch = (page: Page) => page.on("pageerror", (err) => errors.push(`${page.url()}: ${err.message}`));
      context.pages().forEach(watch);
      context.on("page", watch);
      await use(errors);
      expect(errors, "uncaught exceptions in the page").toEqual([]);
    },
    { auto: true },
  ],
  offHostRequests: [
    async ({ context }, use) => {
      const seen: string[] = [];
      await context.route(
        (url) => !isLoopback(url),
        async (route) => {
          seen.push(route.request().url());
          await route.abort("blockedbyclient");
        },
      );
      await use(seen);
      expect(seen, "requests to hosts other than 127.0.0.1/localhost").toEqual([]);
    },
    { auto: true },
  ],
});

function isLoopback(url: URL): boolean {
  if (url.protocol === "data:" || url.protocol === "blob:" || url.protocol === "about:") return true;
  return url.hostname === "127.0.0.1" || url.hostname === "localhost" || url.hostname === "[::1]";
}

export { expect };
