/**
 * The rules, written once for both languages: each turns the facts an extractor found (facts.ts) into
 * diagnostics with its rule id, a message that names the problem, and a quick fix where one is certain.
 */
import { DEFAULT_LIMITS } from "@/lib/core/limits";
import type { SpellLanguage } from "@/lib/core/dialect";
import { listTools, type ToolDefinition } from "@/lib/tools";
import { getApiModel, suggestName } from "./api-model";
import type { CheckRule, Diagnostic, DiagnosticSeverity, SourceRange } from "./diagnostic";
import type { SpellFacts } from "./facts";

export interface CheckOptions {
  /** The models the server offers (`GET /api/models`); without it models are not checked. */
  models?: readonly string[];
  /** The memory limit a `huge-repeat` is measured against. */
  memoryLimitBytes?: number;
}

function diagnostic(
  range: SourceRange,
  severity: DiagnosticSeverity,
  rule: CheckRule,
  message: string,
  fix?: { title: string; text: string; range?: SourceRange },
): Diagnostic {
  return {
    ...range,
    severity,
    rule,
    message,
    ...(fix ? { fix: { title: fix.title, edits: [{ range: fix.range ?? range, text: fix.text }] } } : {}),
  };
}

function toolIndex(): Map<string, ToolDefinition> {
  const byName = new Map<string, ToolDefinition>();
  for (const t of listTools()) {
    byName.set(t.name, t);
    for (const a of t.aliases ?? []) byName.set(a, t);
  }
  return byName;
}

function checkMembers(facts: SpellFacts, language: SpellLanguage, out: Diagnostic[]): void {
  const model = getApiModel();
  for (const use of facts.memberUses) {
    const scope = use.owner.kind === "global" ? model.globals.get(use.owner.name) : model.classes.get(use.owner.name);
    if (!scope) continue;
    const member = scope.members.get(use.name);
    const shown = use.owner.kind === "global" ? use.owner.name : `a ${use.owner.name}`;
    if (!member) {
      // An instance may carry plain fields (`agent.name`): only a call of a missing method is certain.
      if (use.owner.kind === "class" && use.use === "read") continue;
      const near = suggestName(use.name, scope.members.keys());
      out.push(
        diagnostic(
          use.range,
          "error",
          "unknown-member",
          `${shown} has no ${use.owner.kind === "global" ? "function" : "method"} '${use.name}'${near ? ` (did you mean '${near}'?)` : ""}`,
          near ? { title: `Change to '${near}'`, text: near } : undefined,
        ),
      );
      continue;
    }
    if (language === "lua" && use.owner.kind === "class" && use.use === "dot-call") {
      out.push(
        diagnostic(
          use.range,
          "error",
          "dot-call",
          `'${use.name}' is a method: call it with ':' (obj:${use.name}(...)), not '.'`,
          use.dot ? { title: "Call with ':'", text: ":", range: use.dot } : undefined,
        ),
      );
    }
  }
}

function checkTools(facts: SpellFacts, out: Diagnostic[]): void {
  const tools = toolIndex();
  const registered = new Set(facts.registeredTools);
  const known = [...tools.keys(), ...registered];
  const unknown = (name: string, range: SourceRange) => {
    const near = suggestName(name, known);
    out.push(
      diagnostic(
        range,
        "error",
        "unknown-tool",
        `there is no tool '${name}'${near ? ` (did you mean '${near}'?)` : ""}`,
        // The range is the whole string literal, quotes included.
        near ? { title: `Change to '${near}'`, text: JSON.stringify(near) } : undefined,
      ),
    );
  };
  for (const { name, range } of facts.toolNames) if (!tools.has(name) && !registered.has(name)) unknown(name, range);
  for (const call of facts.toolCalls) {
    if (registered.has(call.name)) continue;
    const tool = tools.get(call.name);
    if (!tool) {
      unknown(call.name, call.range);
      continue;
    }
    if (!call.params) continue;
    const props = (tool.schema.properties ?? {}) as Record<string, { enum?: unknown[] }>;
    const operation = call.params.keys.get("operation");
    const allowed = props.operation?.enum?.filter((v): v is string => typeof v === "string");
    if (operation?.value.kind === "string" && allowed && !allowed.includes(operation.value.value)) {
      const near = suggestName(operation.value.value, allowed);
      out.push(
        diagnostic(
          operation.range,
          "error",
          "unknown-operation",
          `${tool.name} has no operation '${operation.value.value}'; it has ${allowed.join(", ")}`,
          near ? { title: `Change to '${near}'`, text: JSON.stringify(near) } : undefined,
        ),
      );
    }
    const required = Array.isArray(tool.schema.required) ? (tool.schema.required as string[]) : [];
    for (const name of required) {
      if (!call.params.keys.has(name))
        out.push(diagnostic(call.params.range, "error", "missing-param", `${tool.name} needs the parameter '${name}'`));
    }
  }
}

/** The diagnostics of one spell's facts. */
export function applyRules(facts: SpellFacts, language: SpellLanguage, options: CheckOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (facts.syntaxError) {
    out.push(diagnostic(facts.syntaxError.range, "error", "syntax", facts.syntaxError.message));
    return out;
  }
  checkMembers(facts, language, out);
  checkTools(facts, out);
  for (const { name, range, needsParens } of facts.unawaitedCalls) {
    const start = { ...range, endLine: range.line, endColumn: range.column };
    const end = { ...range, line: range.endLine, column: range.endColumn };
    const d = diagnostic(
      range,
      "warning",
      "missing-await",
      `${name}(...) returns a Promise: add 'await' to get its result`,
    );
    d.fix = {
      title: "Add 'await'",
      edits: needsParens
        ? [
            { range: start, text: "(await " },
            { range: end, text: ")" },
          ]
        : [{ range: start, text: "await " }],
    };
    out.push(d);
  }
  if (options.models) {
    const models = new Set(options.models);
    for (const { name, range } of facts.models)
      if (!name.startsWith("mock/") && !models.has(name)) {
        const near = suggestName(name, models);
        out.push(
          diagnostic(
            range,
            "warning",
            "unknown-model",
            `the server offers no model '${name}'${near ? ` (did you mean '${near}'?)` : ""}`,
          ),
        );
      }
  }
  for (const { name, range } of facts.unknownGlobals)
    out.push(
      diagnostic(
        range,
        language === "lua" ? "warning" : "error",
        "unknown-global",
        language === "lua"
          ? `'${name}' is a global nobody assigns: it is nil here`
          : `'${name}' is not defined anywhere in the spell or the API`,
      ),
    );
  for (const { name, range } of facts.unusedLocals)
    out.push(diagnostic(range, "info", "unused-local", `'${name}' is never used`));
  for (const range of facts.unreachable)
    out.push(
      diagnostic(range, "warning", "unreachable", "this code never runs: it comes after a return, break or error"),
    );
  for (const range of facts.endlessLoops)
    out.push(
      diagnostic(
        range,
        "warning",
        "endless-loop",
        "this loop has no break, return or error: it runs until the CPU limit stops the spell",
      ),
    );
  const memory = options.memoryLimitBytes ?? DEFAULT_LIMITS.memoryLimitBytes;
  for (const { count, unitLength, range } of facts.repeats) {
    const bytes = count * unitLength;
    if (bytes > memory)
      out.push(
        diagnostic(
          range,
          "warning",
          "huge-repeat",
          `this makes a string of ${bytes} bytes; the spell's memory limit is ${memory} bytes`,
        ),
      );
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}
