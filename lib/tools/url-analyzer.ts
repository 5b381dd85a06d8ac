/**
 * `url-analyzer`: parses an absolute http(s) URL with the WHATWG URL parser (rs uses the `url` crate, which
 * follows the same standard) and reports its parts. `fetch_metadata` would need the network, so it reports
 * `metadata_error` instead of fetching.
 */
import { setOwnValue, type JsonValue } from "@/lib/core/json";
import { defineTool, paramError, success } from "./support";
import type { JsonObject } from "./types";

const DEFAULT_PORTS: Record<string, string> = { "http:": "80", "https:": "443" };

function hostDetails(hostname: string): JsonObject {
  if (hostname.startsWith("[")) return { type: "ipv6", value: hostname.slice(1, -1), is_ip: true };
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(hostname)) return { type: "ipv4", value: hostname, is_ip: true };
  return { type: "domain", value: hostname, is_ip: false };
}

function run(params: JsonObject): JsonValue {
  const input = params.input as string;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(input)) {
      throw paramError(
        "Relative URLs are not supported. Please provide an absolute URL with scheme (http:// or https://) (parameter 'input')",
      );
    }
    throw paramError(`Invalid URL: ${input} (parameter 'input')`);
  }
  const scheme = url.protocol.slice(0, -1);
  if (scheme !== "http" && scheme !== "https") {
    throw paramError(
      `Unsupported URL scheme '${scheme}'. Only http:// and https:// are supported. (parameter 'input')`,
    );
  }
  const hasQuery = url.search !== "" || /\?(#|$)/.test(input.split("#")[0] + (input.includes("#") ? "#" : ""));
  const result: JsonObject = {
    valid: true,
    original: input,
    normalized: url.href,
    scheme,
    host: url.hostname ? url.hostname.replace(/^\[|\]$/g, "") : null,
    port: url.port && url.port !== DEFAULT_PORTS[url.protocol] ? Number(url.port) : null,
    path: url.pathname,
    query: hasQuery ? url.search.slice(1) : null,
    fragment: url.hash ? url.hash.slice(1) : input.includes("#") ? "" : null,
    query_params: {},
  };
  if (url.username) {
    result.username = url.username;
    result.has_auth = true;
    if (url.password) result.has_password = true;
  }
  if (url.hostname) result.host_details = hostDetails(url.hostname);
  if (hasQuery) {
    const qp: JsonObject = {};
    const decode = params.decode_params !== false;
    for (const [k, v] of url.searchParams) setOwnValue(qp, k, decode ? v : v);
    if (!decode) {
      for (const pair of url.search.slice(1).split("&").filter(Boolean)) {
        const [k, ...rest] = pair.split("=");
        setOwnValue(qp, k, rest.join("="));
      }
    }
    result.query_params = qp;
  }
  if (params.fetch_metadata === true) {
    result.metadata_error = "fetch_metadata is not available: built-in tools have no network access";
  }
  return success("analyze", undefined, result) as unknown as JsonValue;
}

export const urlAnalyzer = defineTool({
  name: "url-analyzer",
  aliases: ["url_analyzer"],
  description: "Analyze and validate URLs: scheme, host, port, path, query parameters",
  category: "data",
  pure: true,
  tags: ["url", "web", "parse"],
  schema: {
    type: "object",
    properties: {
      input: { type: "string", description: "Absolute http(s) URL to analyze" },
      decode_params: { type: "boolean", default: true, description: "Percent-decode query parameter values" },
      fetch_metadata: {
        type: "boolean",
        default: false,
        description: "Not available here (no network); reported as metadata_error",
      },
    },
    required: ["input"],
  },
  operationOf: () => "analyze",
  run: (params) => ({ json: run(params) }),
});
