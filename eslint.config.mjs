import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/** Only engines/ may name the concrete wasm engines. */
const CONCRETE_ENGINES = {
  group: ["wasmoon", "quickjs-emscripten*", "@jitl/*"],
  message: "Only engines/ may import a concrete engine.",
};
/** engines/ see only lib/core (the bridge types, errors and limits), never the spell API, the runner or the UI. */
const ONLY_CORE = {
  regex: "^(@/|(\\.\\./)+)(lib/(?!core(/|$))|components|app)",
  message: "engines/ may import only lib/core.",
};
/** The Lua parser (lib/check/lua) is a pure function of the source text: of ours, it may import only lib/core. */
const LUA_PARSER_ONLY_CORE = {
  regex: "^(@/(?!lib/core(/|$))|\\.\\./(?!\\.\\./core(/|$)))",
  message: "lib/check/lua imports only lib/core.",
};
const DIRECTION_RULES = [
  {
    files: ["lib/core/**"],
    patterns: [{ regex: "^(@/(?!lib/core/)|\\.\\./)", message: "lib/core imports nothing of ours." }],
  },
  {
    files: [
      "lib/spell/**",
      "lib/tools/**",
      "lib/llm/**",
      "lib/ratelimit/**",
      "lib/check/**",
      "lib/recording/**",
      "lib/otel/**",
    ],
    patterns: [
      {
        regex: "^(@/(lib/)?|(\\.\\./)+(lib/)?)(engines|runner|store|cli|components|app)(/|$)",
        message:
          "lib/spell, lib/tools, lib/llm, lib/check, lib/recording and lib/otel sit below the engines: they never import engines/, the runner or the UI.",
      },
    ],
  },
  {
    // The parser; its extractor (which ties the tree to the API model and the tools) may import the checker.
    files: ["lib/check/lua/**"],
    ignores: ["lib/check/lua/extract.ts"],
    patterns: [LUA_PARSER_ONLY_CORE],
  },
  {
    // Lessons (format, checks, the tour) are data and pure functions over a run's outcome; their tests run the
    // tour through the real runner.
    files: ["lib/lesson/**"],
    ignores: ["lib/lesson/**/*.test.ts"],
    patterns: [
      {
        regex: "^(@/(?!lib/(core|encoding|lesson)/)|(\\.\\./){2,})",
        message: "lib/lesson imports only lib/core and lib/encoding (as @/lib/...).",
      },
    ],
  },
  {
    files: ["lib/runner/**", "lib/cli/**", "lib/store/**", "lib/share/**", "app/**", "components/**", "bin/**"],
    patterns: [],
  },
];

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [
      ".next*/**",
      ".vitest/**",
      "dist/**",
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
  // Arrows point down: lib/core ← lib/spell, lib/tools, lib/llm ← engines ← lib/runner ← lib/cli, lib/store, UI.
  // Each folder's rule lists every import it may not make (flat config replaces, not merges, a rule's options).
  ...DIRECTION_RULES.map(({ files, ignores, patterns }) => ({
    files,
    ...(ignores ? { ignores } : {}),
    rules: { "no-restricted-imports": ["error", { patterns: [...patterns, CONCRETE_ENGINES] }] },
  })),
  {
    // The Lua parser's conformance tests run every snippet through the real Lua 5.4 (wasmoon's `load`) too:
    // its tests, and only they, may import wasmoon. Otherwise the same rule as lib/check/lua.
    files: ["lib/check/lua/**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [LUA_PARSER_ONLY_CORE] }] },
  },
  {
    // The checker runs in the page's worker too: no Node globals there.
    files: ["lib/check/**/*.ts", "components/editor/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "Buffer", message: "lib/check runs in the browser: use lib/core's utf8ByteLength or TextEncoder." },
        { name: "process", message: "lib/check runs in the browser." },
      ],
    },
  },
  {
    files: ["engines/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [ONLY_CORE] }] },
  },
];

export default config;
