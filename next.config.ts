import type { NextConfig } from "next";

/** Security headers for every route but /embed (which other sites may frame). */
const baseSecurityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
];

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // A separate build dir lets a benchmark build run beside the e2e build without clobbering it.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // wasmoon's glue imports Node's `module` built-in; in the browser it is never used, so alias it to nothing.
  turbopack: {
    resolveAlias: {
      module: { browser: "./lib/empty-module.ts" },
    },
  },
  async headers() {
    return [
      {
        // Everything except /embed may not be framed by other sites.
        source: "/((?!embed).*)",
        headers: [...baseSecurityHeaders, { key: "Content-Security-Policy", value: "frame-ancestors 'self'" }],
      },
      {
        source: "/embed/:path*",
        headers: [...baseSecurityHeaders, { key: "Content-Security-Policy", value: "frame-ancestors *" }],
      },
      {
        source: "/embed",
        headers: [...baseSecurityHeaders, { key: "Content-Security-Policy", value: "frame-ancestors *" }],
      },
    ];
  },
};

export default nextConfig;
