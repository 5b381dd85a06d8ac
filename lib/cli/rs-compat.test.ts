/**
 * rs-llmspell 0.14-style spells that use Session, Artifact, Memory, Context, Template, RAG and LocalLLM run
 * unchanged through the real `llmspell run FILE --mock` (lib/cli/fixtures/rs-0.14/), and spell parameters are
 * checked and described by the CLI (lib/cli/fixtures/params.lua). Each run spawns Node, so the cases are few.
 */
import { fileURLToPath } from "node:url";
import { spawnCli } from "./spawn-cli";
import { describe, expect, it } from "vitest";

const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));

// No key and no OpenAI-compatible server: LocalLLM reports none configured.
const cli = (args: string[]) => spawnCli(args, { cwd: FIXTURES, env: { OPENAI_BASE_URL: undefined } });

describe("rs-llmspell 0.14 spells run unchanged with --mock", { timeout: 120_000 }, () => {
  const cases: [string, string[]][] = [
    [
      "memory-session-isolation.lua",
      ["Added 4 exchanges", "Alpha results: 2", "Episodic entries: 4", "Strategies: episodic, semantic, hybrid, rag"],
    ],
    [
      "session-artifacts.lua",
      [
        "Artifact stored: sequence 1, hash length 64",
        'Artifact type: Custom("text")',
        "Status after complete: completed",
        "Store after complete fails: true",
        "Cleaned up 1 vectors",
        "store_file available: false",
      ],
    ],
    [
      "template-discovery.lua",
      ["Found 6 templates:", "  1. topic (String, REQUIRED)", "Result type: text", "Missing template raises: true"],
    ],
    ["local-llm-status.lua", ["  Running: false", "No models found.", "Pull available: false"]],
  ];
  for (const [file, lines] of cases)
    it(file, async () => {
      const r = await cli(["run", `rs-0.14/${file}`, "--mock"]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const out = r.stdout.split("\n");
      for (const line of lines) expect(out).toContain(line);
    });
});

describe("spell parameters in the CLI", { timeout: 120_000 }, () => {
  it("help FILE prints the spell's description and parameters", async () => {
    const r = await cli(["help", "params.lua"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")).toEqual([
      "Ideas",
      "A parameterised spell for the CLI tests.",
      "",
      "Usage: llmspell run params.lua --arg audience=…",
      "",
      "Parameters:",
      "  --arg topic (string)     What to write about [default: tide pools]",
      "  --arg count (integer)    How many ideas [default: 2]",
      "  --arg audience (string)  Who reads it [required]",
      "",
    ]);
  });

  it("run fills in defaults and takes --arg and -- args", async () => {
    const r = await cli(["run", "params.lua", "--mock", "--arg", "audience=kids", "--", "--count", "5"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("topic=tide pools count=5 audience=kids");
  });

  it("run rejects a bad value, an unknown parameter and a missing one, naming each (exit 2)", async () => {
    const r = await cli(["run", "params.lua", "--arg", "count=many", "--arg", "colour=red"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      [
        'llmspell: parameter count (integer) must be a whole number, got "many"',
        'unknown parameter "colour" (the spell declares topic, count, audience)',
        "parameter audience (string) is required: Who reads it",
        "(see llmspell help params.lua)",
        "",
      ].join("\n"),
    );
  });
});
