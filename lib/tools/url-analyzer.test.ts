import { describe, expect, it } from "vitest";
import { urlAnalyzer } from "./url-analyzer";
import { expectToolError, run } from "./testing";

describe("url-analyzer", () => {
  it("reports the parts of a URL", async () => {
    const r = await run(urlAnalyzer, { input: "https://user:pw@Example.com:8080/a/b?x=1&y=hello%20world#frag" });
    expect(r).toMatchObject({ success: true, operation: "analyze" });
    expect(r.result).toEqual({
      valid: true,
      original: "https://user:pw@Example.com:8080/a/b?x=1&y=hello%20world#frag",
      normalized: "https://user:pw@example.com:8080/a/b?x=1&y=hello%20world#frag",
      scheme: "https",
      host: "example.com",
      port: 8080,
      path: "/a/b",
      query: "x=1&y=hello%20world",
      fragment: "frag",
      query_params: { x: "1", y: "hello world" },
      username: "user",
      has_auth: true,
      has_password: true,
      host_details: { type: "domain", value: "example.com", is_ip: false },
    });
  });

  it("handles default ports, IP hosts and no query", async () => {
    const r = await run(urlAnalyzer, { input: "http://127.0.0.1:80/" });
    expect(r.result).toMatchObject({
      port: null,
      query: null,
      fragment: null,
      query_params: {},
      host_details: { type: "ipv4", value: "127.0.0.1", is_ip: true },
    });
    const v6 = await run(urlAnalyzer, { input: "http://[::1]:3000/x" });
    expect(v6.result).toMatchObject({
      host: "::1",
      port: 3000,
      host_details: { type: "ipv6", value: "::1", is_ip: true },
    });
  });

  it("keeps raw values when decode_params is false, and never fetches", async () => {
    const r = await run(urlAnalyzer, { input: "https://a.org/?q=a%20b", decode_params: false, fetch_metadata: true });
    expect(r.result.query_params).toEqual({ q: "a%20b" });
    expect(r.result.metadata_error).toMatch(/no network access/);
    expect(r.result.metadata).toBeUndefined();
  });

  it("raises for relative, invalid and non-http URLs", async () => {
    await expectToolError(run(urlAnalyzer, { input: "/relative/path" }), /Relative URLs are not supported/);
    await expectToolError(run(urlAnalyzer, { input: "http://exa mple.com" }), /Invalid URL/);
    await expectToolError(run(urlAnalyzer, { input: "ftp://example.com" }), /Unsupported URL scheme 'ftp'/);
    await expectToolError(run(urlAnalyzer, {}), /missing required parameter 'input'/);
  });
});
