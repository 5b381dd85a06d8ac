/**
 * The `sandbox-refused` rule's table: a spell, in Lua and JavaScript, checked under a security preset, and the
 * diagnostics expected (by rule and line). Run by check.test.ts for every language the checker reads.
 */
import type { SandboxPreset } from "@/lib/core/sandbox";
import type { CheckRule } from "./diagnostic";

interface SandboxCheckCase {
  name: string;
  lua: string;
  js: string;
  sandbox: SandboxPreset;
  expect: { rule: CheckRule; line: number }[];
}

const AGENT_LUA = (model: string) => `local a = Agent.builder()\n  :model("${model}")\n  :build()\nprint(a)`;
const AGENT_JS = (model: string) => `const a = Agent.builder()\n  .model("${model}")\n  .build();\nprint(a);`;

export const SANDBOX_CHECK_CASES: SandboxCheckCase[] = [
  {
    name: "strict: a model that is not the mock",
    lua: AGENT_LUA("openai/gpt-4o-mini"),
    js: AGENT_JS("openai/gpt-4o-mini"),
    sandbox: "strict",
    expect: [{ rule: "sandbox-refused", line: 2 }],
  },
  {
    name: "strict: the mock model is fine",
    lua: AGENT_LUA("mock/echo"),
    js: AGENT_JS("mock/echo"),
    sandbox: "strict",
    expect: [],
  },
  {
    name: "standard: any model is fine",
    lua: AGENT_LUA("openai/gpt-4o-mini"),
    js: AGENT_JS("openai/gpt-4o-mini"),
    sandbox: "standard",
    expect: [],
  },
  {
    name: "minimal: a model that is not the mock",
    lua: AGENT_LUA("openai/gpt-4o-mini"),
    js: AGENT_JS("openai/gpt-4o-mini"),
    sandbox: "minimal",
    expect: [{ rule: "sandbox-refused", line: 2 }],
  },
  {
    name: "minimal: a tool that is not pure, by name and by alias",
    lua: 'local r = Tool.execute("uuid-generator", { operation = "generate" })\nlocal q = Tool.execute("json_processor", { input = "{}", query = "." })\nprint(r, q)',
    js: 'const r = await Tool.execute("uuid-generator", { operation: "generate" });\nconst q = await Tool.execute("json_processor", { input: "{}", query: "." });\nprint(r, q);',
    sandbox: "minimal",
    expect: [
      { rule: "sandbox-refused", line: 1 },
      { rule: "sandbox-refused", line: 2 },
    ],
  },
  {
    name: "minimal: a tool that is not pure in Tool.get",
    lua: 'local t = Tool.get("template-creator")\nprint(t)',
    js: 'const t = Tool.get("template-creator");\nprint(t);',
    sandbox: "minimal",
    expect: [{ rule: "sandbox-refused", line: 1 }],
  },
  {
    name: "minimal: a pure tool is fine",
    lua: 'local r = Tool.execute("calculator", { operation = "evaluate", input = "1 + 1" })\nprint(r)',
    js: 'const r = await Tool.execute("calculator", { operation: "evaluate", input: "1 + 1" });\nprint(r);',
    sandbox: "minimal",
    expect: [],
  },
  {
    name: "strict: every tool is fine",
    lua: 'local r = Tool.execute("uuid-generator", { operation = "generate" })\nprint(r)',
    js: 'const r = await Tool.execute("uuid-generator", { operation: "generate" });\nprint(r);',
    sandbox: "strict",
    expect: [],
  },
  {
    name: "strict: huge-repeat measures against the preset's 16 MiB",
    lua: 'local s = string.rep("x", 20000000)\nprint(#s)',
    js: 'const s = "x".repeat(20000000);\nprint(s.length);',
    sandbox: "strict",
    expect: [{ rule: "huge-repeat", line: 1 }],
  },
];
