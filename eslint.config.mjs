import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [
      ".next*/**",
      ".vitest/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "data/**",
      "next-env.d.ts",
      "lib/spell/spell-api.d.ts",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Example spells are scripts whose default export is their result, as docs/spell-api.md shows.
    files: ["examples/**/*.js"],
    rules: { "import/no-anonymous-default-export": "off" },
  },
  {
    // Only engines/ may name the concrete wasm engines.
    files: ["app/**", "components/**", "lib/**", "bin/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["wasmoon", "quickjs-emscripten*", "@jitl/*"],
              message: "Only engines/ may import a concrete engine.",
            },
          ],
        },
      ],
    },
  },
];

export default config;
