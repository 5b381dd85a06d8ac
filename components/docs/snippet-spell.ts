/**
 * Turns a reference snippet into the spell its "Open in playground" link opens: a whole spell that runs on the
 * mock with nothing before it. The snippets stay short on the page (a method fragment like `:model("mock/echo")`,
 * `agent:execute(...)` on an agent built elsewhere); the spell adds what they lean on, taken from the reference
 * itself, never written per snippet:
 *
 * 1. A chain fragment (`:allow_tool(...)`, `.add_step(...)`) of builder class B is spliced into the first
 *    statement of the reference's own example of the global that returns B (`Agent.builder`), just before its
 *    `build()` (dropping that example's call of the same method), and followed by the example of the built
 *    object's first method (`agent:execute(...)`), which prints.
 * 2. Names the spell uses but never defines (the checker's `unknown-global`) get the reference statement that
 *    defines them (`local agent = Agent.builder()...`, `local sub = Event.subscribe(...)`), recursively.
 * 3. `READS_FROM` (below) lists the few snippets that read data another snippet stores; that one runs first.
 *
 * A snippet that still leaves a name undefined gets no spell (so no link); `docs.test.ts` runs every spell that
 * has a link through both engines and checks it with the checker.
 */
import type { SpellLanguage } from "@/lib/core/dialect";
import { checkSpell } from "@/lib/check";
import type { ApiFunctionDoc, SpellApiReference } from "@/lib/spell/reference-types";

/**
 * Snippets that read what another function's snippet stored (a search needs an index, a receive needs an event).
 * Data flow is not visible in the text, so these are named here, by reference id; the setup itself is that
 * function's snippet from the reference.
 */
const READS_FROM: Record<string, string[]> = {
  "RAG.search": ["RAG.ingest"],
  "Event.receive": ["Event.publish"],
};

/** How many rounds of rule 2 (a setup statement may itself use a name defined by another). */
const MAX_SETUP_DEPTH = 4;

interface Dialect {
  /** The separator of a method call: `agent:execute` / `agent.execute`. */
  call: string;
  declaration: RegExp;
}

const DIALECTS: Record<SpellLanguage, Dialect> = {
  lua: { call: ":", declaration: /^local\s+([A-Za-z_]\w*)\s*=/ },
  javascript: { call: ".", declaration: /^(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=/ },
};

/** One function of the reference with where it lives: `Agent.builder` (global) or `Agent-execute` (class). */
export interface ReferenceEntry {
  id: string;
  owner: string;
  kind: "global" | "class";
  fn: ApiFunctionDoc;
}

/** Every function and method of the reference, in the order the docs show them. */
export function listReferenceEntries(reference: SpellApiReference): ReferenceEntry[] {
  return [
    ...reference.globals.flatMap((g) =>
      g.functions.map((fn) => ({ id: `${g.name}.${fn.name}`, owner: g.name, kind: "global" as const, fn })),
    ),
    ...reference.classes.flatMap((c) =>
      c.methods.map((fn) => ({ id: `${c.name}-${fn.name}`, owner: c.name, kind: "class" as const, fn })),
    ),
  ];
}

const snippetOf = (entry: ReferenceEntry, language: SpellLanguage): string | undefined =>
  (language === "lua" ? entry.fn.lua : entry.fn.js)?.trim() || undefined;

/** Whether a snippet is one link of a builder chain rather than a statement. */
export function isChainFragment(source: string, language: SpellLanguage): boolean {
  return source.trimStart().startsWith(DIALECTS[language].call);
}

/** A statement is its first line and the lines that continue it (indented, or starting with `:`/`.`/a bracket). */
function splitStatements(source: string): string[] {
  const statements: string[] = [];
  for (const line of source.split("\n")) {
    const continues = statements.length > 0 && /^(\s|[:.)\]}])/.test(line);
    if (continues) statements[statements.length - 1] += `\n${line}`;
    else statements.push(line);
  }
  return statements;
}

function declaredName(statement: string, language: SpellLanguage): string | undefined {
  return DIALECTS[language].declaration.exec(statement)?.[1];
}

/** The names a spell uses without defining them, as the checker sees them. */
function undefinedNames(source: string, language: SpellLanguage): string[] {
  const lines = source.split("\n");
  const names = checkSpell(source, language)
    .filter((d) => d.rule === "unknown-global" && d.line === d.endLine)
    .map((d) => lines[d.line - 1]!.slice(d.column - 1, d.endColumn - 1));
  return [...new Set(names)];
}

/**
 * Top-level method calls of a chain, after its first call: `[start, end, name]` of each `:name(...)` link.
 * Strings and nested brackets are skipped, so a table argument's own `:` or `.` never counts.
 */
function chainLinks(chain: string, call: string): { start: number; end: number; name: string }[] {
  const links: { start: number; end: number; name: string }[] = [];
  let depth = 0;
  let quote: string | null = null;
  let open: { start: number; name: string } | null = null;
  for (let i = 0; i < chain.length; i++) {
    const ch = chain[i]!;
    if (quote) {
      if (ch === "\\") i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === "`") quote = ch;
    else if ("([{".includes(ch)) depth++;
    else if (")]}".includes(ch)) {
      depth--;
      if (depth === 0 && open && ch === ")") {
        links.push({ ...open, end: i + 1 });
        open = null;
      }
    } else if (depth === 0 && ch === call && /\)\s*$/.test(chain.slice(0, i))) {
      const name = /^[A-Za-z_]\w*(?=\()/.exec(chain.slice(i + 1))?.[0];
      if (name) {
        // Take the whitespace before the link with it, so removing it leaves no blank line.
        const start = i - (/\s*$/.exec(chain.slice(0, i))?.[0].length ?? 0);
        open = { start, name };
      }
    }
  }
  return links;
}

export class SnippetSpells {
  private readonly entries: ReferenceEntry[];
  private readonly classNames: Set<string>;

  constructor(private readonly reference: SpellApiReference) {
    this.entries = listReferenceEntries(reference);
    this.classNames = new Set(reference.classes.map((c) => c.name));
  }

  /** The whole spell the link of this snippet opens, or undefined when it cannot be made to stand alone. */
  complete(entry: ReferenceEntry, language: SpellLanguage): string | undefined {
    const snippet = snippetOf(entry, language);
    if (!snippet) return undefined;
    const body = isChainFragment(snippet, language) ? this.wrapFragment(entry, snippet, language) : snippet;
    if (!body) return undefined;
    const reads = (READS_FROM[entry.id] ?? []).flatMap((id) => {
      const source = this.entries.find((e) => e.id === id);
      return source ? [snippetOf(source, language) ?? ""] : [];
    });
    return this.withDefinitions([...reads, body].filter(Boolean).join("\n"), entry, language);
  }

  /** Rule 1: a fragment of builder class B inside the reference's example of building a B. */
  private wrapFragment(entry: ReferenceEntry, fragment: string, language: SpellLanguage): string | undefined {
    const { call } = DIALECTS[language];
    const builderClass = entry.owner;
    const build = this.reference.classes
      .find((c) => c.name === builderClass)
      ?.methods.find((m) => m.params.length === 0 && m.returns !== builderClass && this.classNames.has(m.returns));
    const maker = this.entries.find(
      (e) => e.kind === "global" && e.fn.returns === builderClass && snippetOf(e, language),
    );
    if (!build || !maker) return undefined;
    const buildCall = `${call}${build.name}()`;
    const statement = splitStatements(snippetOf(maker, language)!).find(
      (s) => declaredName(s, language) && s.includes(buildCall),
    );
    if (!statement) return undefined;
    const cut = statement.lastIndexOf(buildCall);
    const fragmentName = /^\s*[:.]([A-Za-z_]\w*)/.exec(fragment)?.[1];
    let head = statement.slice(0, cut);
    for (const link of chainLinks(head, call).reverse())
      if (link.name === fragmentName) head = head.slice(0, link.start) + head.slice(link.end);
    const built = `${head.trimEnd()}\n  ${fragment.trim()}\n  ${statement.slice(cut).trim()}`;
    const use = this.entries.find((e) => e.kind === "class" && e.owner === build.returns && snippetOf(e, language));
    return use ? `${built}\n${snippetOf(use, language)}` : built;
  }

  /** Rule 2: prepend the reference statements that define the names the spell uses without defining. */
  private withDefinitions(source: string, entry: ReferenceEntry, language: SpellLanguage): string | undefined {
    let spell = source;
    for (let round = 0; round < MAX_SETUP_DEPTH; round++) {
      const missing = undefinedNames(spell, language);
      if (missing.length === 0) return spell;
      const setup = missing.map((name) => this.definitionOf(name, entry, language));
      if (setup.some((s) => s === undefined)) return undefined;
      spell = `${setup.join("\n")}\n${spell}`;
    }
    return undefined;
  }

  /** The first statement of another reference snippet (same language) that defines `name`. */
  private definitionOf(name: string, except: ReferenceEntry, language: SpellLanguage): string | undefined {
    for (const e of this.entries) {
      const snippet = e === except ? undefined : snippetOf(e, language);
      if (!snippet || isChainFragment(snippet, language)) continue;
      const statement = splitStatements(snippet).find((s) => declaredName(s, language) === name);
      if (statement) return statement;
    }
    return undefined;
  }
}
