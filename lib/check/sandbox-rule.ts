/**
 * The `sandbox-refused` rule: under a security preset (lib/core/sandbox.ts), a literal model or tool name the
 * preset will refuse at run time is a warning now, worded as the run's refusal will be.
 */
import { SANDBOX_MESSAGES, sandboxRules, type SandboxPreset } from "@/lib/core/sandbox";
import { findRefusedTool } from "@/lib/tools";
import type { Diagnostic, SourceRange } from "./diagnostic";
import type { SpellFacts } from "./facts";

export function checkSandbox(facts: SpellFacts, sandbox: SandboxPreset, out: Diagnostic[]): void {
  const rules = sandboxRules(sandbox);
  const refuse = (range: SourceRange, message: string) =>
    out.push({ ...range, severity: "warning", rule: "sandbox-refused", message });
  if (rules.models === "mock") {
    for (const { name, range } of facts.models)
      if (!name.startsWith("mock/"))
        refuse(range, `the ${rules.preset} sandbox preset allows only mock/* models: a run will refuse '${name}'`);
  }
  if (rules.tools === "pure") {
    for (const { name, range } of [...facts.toolCalls, ...facts.toolNames]) {
      if (facts.registeredTools.includes(name)) continue;
      const tool = findRefusedTool(name, sandbox) ?? findRefusedTool(name.replace(/_/g, "-"), sandbox);
      if (tool) refuse(range, SANDBOX_MESSAGES.tool(rules.preset, tool.name));
    }
  }
}
