/**
 * Conformance: the spell API under a security preset (lib/core/sandbox.ts). `minimal` keeps only the pure
 * built-in tools: the others are not listed, do not exist, and calling one says which preset refused it; a tool
 * the spell registers still runs. `strict` keeps every tool.
 */
import type { ConformanceCase } from "@/lib/core/conformance";
import { apiCase } from "@/lib/spell/conformance/api-case";

export const cases: ConformanceCase[] = [
  apiCase(
    "api sandbox: minimal refuses a tool that is not pure, naming the preset",
    'local r = Tool.execute("uuid-generator", { operation = "generate" })\nreturn r',
    'const r = await Tool.execute("uuid-generator", { operation: "generate" });\nreturn r;',
    {
      error: {
        kind: "unsupported_feature",
        line: 1,
        messageIncludes:
          "the tool 'uuid-generator' is not available under the minimal sandbox preset (it allows only pure tools)",
      },
    },
    { sandbox: "minimal" },
  ),
  apiCase(
    "api sandbox: minimal refuses a tool by its alias too",
    'local ok, e = pcall(Tool.execute, "json_processor", { input = "{}", query = "." })\nreturn { ok, e.kind, e.message }',
    'try { await Tool.execute("json_processor", { input: "{}", query: "." }); return "ran"; } catch (e) { return [false, e.kind, e.message]; }',
    {
      value: [
        false,
        "unsupported_feature",
        "the tool 'json-processor' is not available under the minimal sandbox preset (it allows only pure tools)",
      ],
    },
    { sandbox: "minimal" },
  ),
  apiCase(
    "api sandbox: minimal lists only pure tools, and pure tools run",
    'local names = {}\nfor _, t in ipairs(Tool.list()) do names[t.name] = true end\nreturn { names["uuid-generator"] == nil, names.calculator == true, Tool.exists("datetime-handler"), Tool.get("template-creator") == nil, Tool.execute("calculator", { operation = "evaluate", input = "6 * 7" }).result.result }',
    'const names = new Set(Tool.list().map((t) => t.name));\nreturn [!names.has("uuid-generator"), names.has("calculator"), Tool.exists("datetime-handler"), Tool.get("template-creator") === null, (await Tool.execute("calculator", { operation: "evaluate", input: "6 * 7" })).result.result];',
    { value: [true, true, false, true, 42] },
    { sandbox: "minimal" },
  ),
  apiCase(
    "api sandbox: a tool the spell registers runs under minimal",
    'Tool.register({ name = "twice", execute = function(p) return { result = p.n * 2 } end })\nreturn Tool.execute("twice", { n = 21 }).result',
    'Tool.register({ name: "twice", execute: (p) => ({ result: p.n * 2 }) });\nreturn (await Tool.execute("twice", { n: 21 })).result;',
    { value: 42 },
    { sandbox: "minimal" },
  ),
  apiCase(
    "api sandbox: strict keeps every built-in tool",
    'return Tool.exists("uuid-generator") and Tool.exists("json-processor")',
    'return Tool.exists("uuid-generator") && Tool.exists("json-processor");',
    { value: true },
    { sandbox: "strict" },
  ),
];
