/**
 * docs/spell-api.md (the spell API as written for people) and SPELL_API_REFERENCE (the one description the
 * docs page, completions and `spell-api.d.ts` are built from) must not drift apart: every call, builder
 * method, hook point, error kind and built-in tool the doc names must exist, and every global must be
 * documented.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SPELL_ERROR_KINDS } from "@/lib/core/errors";
import { BUILTIN_TOOLS } from "@/lib/tools";
import { SPELL_API_REFERENCE } from "./reference";

const DOC = readFileSync(new URL("../../docs/spell-api.md", import.meta.url), "utf8");

/** The text of the Markdown bullet that starts with `start`, up to the next bullet or heading. */
function bulletOf(start: string): string {
  const from = DOC.indexOf(`- ${start}`);
  if (from < 0) throw new Error(`docs/spell-api.md has no bullet starting with ${start}`);
  const rest = DOC.slice(from + 2);
  const end = rest.search(/\n(- |#)/);
  return end < 0 ? rest : rest.slice(0, end);
}

/** The contents of every `code span` in `text`. */
const codeSpans = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

/** Code spans that are a bare call name (`name`, `name(args)`, `name{table}`), as a builder method list has. */
const callNames = (text: string) =>
  codeSpans(text).flatMap((span) => {
    const m = /^([a-z_]+)(\(.*\)|\{.*\})?$/s.exec(span);
    return m ? [m[1]!] : [];
  });

const globalNamed = (name: string) => SPELL_API_REFERENCE.globals.find((g) => g.name === name);
const classNamed = (name: string) => {
  const found = SPELL_API_REFERENCE.classes.find((c) => c.name === name);
  if (!found) throw new Error(`the reference has no class ${name}`);
  return found;
};
const methodsOf = (name: string) => classNamed(name).methods.map((m) => m.name);

describe("docs/spell-api.md is in step with SPELL_API_REFERENCE", () => {
  it("documents every global of the reference", () => {
    const missing = SPELL_API_REFERENCE.globals.map((g) => g.name).filter((n) => !new RegExp(`\\b${n}\\b`).test(DOC));
    expect(missing).toEqual([]);
  });

  it("every `Global.name` the doc mentions is a function or value of that global", () => {
    const names = SPELL_API_REFERENCE.globals.map((g) => g.name).join("|");
    const mentions = [...DOC.matchAll(new RegExp(`\\b(${names})\\.([A-Za-z_]+(?:/[A-Za-z_]+)*)`, "g"))].flatMap(
      ([, global, members]) => members!.split("/").map((member) => [global!, member] as const),
    );
    expect(mentions.length).toBeGreaterThan(30);
    const unknown = mentions
      .filter(([global, member]) => {
        const g = globalNamed(global)!;
        // `Memory.episodic.add`: `episodic` is the namespace of the functions named `episodic.*`.
        const known = g.functions.some((f) => f.name === member || f.name.startsWith(`${member}.`));
        return !known && !(g.values ?? []).some((v) => v.name === member);
      })
      .map(([global, member]) => `${global}.${member}`);
    expect(unknown).toEqual([]);
  });

  it("every Lua method call obj:method(...) in the doc is a method of a reference class", () => {
    const methodNames = new Set(SPELL_API_REFERENCE.classes.flatMap((c) => c.methods.map((m) => m.name)));
    const called = [...DOC.matchAll(/\b[a-z_][A-Za-z_0-9]*:([a-z_][A-Za-z_0-9]*)\s*[({"]/g)].map((m) => m[1]!);
    expect(called.length).toBeGreaterThan(5);
    // Lua's own string methods (s:upper()) are not the spell API's.
    const luaString = new Set(["upper", "lower", "sub", "format", "gsub", "find", "match", "rep", "len", "byte"]);
    expect([...new Set(called.filter((m) => !methodNames.has(m) && !luaString.has(m)))]).toEqual([]);
  });

  it("every `receiver:method` the doc mentions is a method of that class", () => {
    const classOf: Record<string, string> = { agent: "Agent", wf: "Workflow", tool: "Tool" };
    const mentions = [...DOC.matchAll(/\b(agent|wf|tool):([A-Za-z_]+)/g)];
    expect(mentions.length).toBeGreaterThan(3);
    const unknown = mentions
      .filter(([, receiver, method]) => !methodsOf(classOf[receiver!]!).includes(method!))
      .map(([mention]) => mention);
    expect(unknown).toEqual([]);
  });

  it("the builder methods the doc lists exist on AgentBuilder and WorkflowBuilder", () => {
    const agent = callNames(bulletOf("`Agent.builder()`"));
    const workflow = callNames(bulletOf("`Workflow.builder()`"));
    expect(agent).toContain("response_format");
    expect(workflow).toContain("with_range");
    expect(agent.filter((m) => !methodsOf("AgentBuilder").includes(m))).toEqual([]);
    expect(workflow.filter((m) => !methodsOf("WorkflowBuilder").includes(m))).toEqual([]);
  });

  it("the hook points the doc names are hook points of the reference", () => {
    const points = codeSpans(bulletOf("`Hook.register(")).filter((s) => /^[A-Z][A-Za-z]+$/.test(s));
    expect(points).toContain("BeforeAgentExecution");
    expect(points.filter((p) => !SPELL_API_REFERENCE.hookPoints.includes(p))).toEqual([]);
  });

  it("lists exactly the error kinds a SpellError can have (a spell's and the host's)", () => {
    const listed = (pattern: RegExp) => pattern.exec(DOC)?.[1]?.split(/,\s*/) ?? [];
    const spellKinds = listed(/Kinds: `([^`]+)`/);
    const hostKinds = listed(/which no spell catches: `([^`]+)`/);
    expect(spellKinds).toContain("syntax");
    expect(hostKinds).toContain("configuration");
    expect([...spellKinds, ...hostKinds].toSorted()).toEqual([...SPELL_ERROR_KINDS].toSorted());
  });

  it("lists exactly the built-in tools", () => {
    const section = /Built-in tools,([^]*?)Their operations/.exec(DOC)?.[1] ?? "";
    const tools = codeSpans(section).filter((s) => /^[a-z0-9-]+$/.test(s));
    expect(tools.toSorted()).toEqual(BUILTIN_TOOLS.map((t) => t.name).toSorted());
  });
});
