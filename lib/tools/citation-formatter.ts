/**
 * `citation-formatter`: formats BibTeX or hayagriva-YAML bibliographies in common styles. rs-llmspell 0.14 only
 * returns placeholder text ("Sample apa citation for key: x"); the playground formats real citations (in-text
 * `citation` and full `reference` per key) with the same result shape and operations.
 */
import type { JsonValue } from "@/lib/core/json";
import { parseBibtex, parseYamlBibliography, type BibEntry } from "./internal/bibliography";
import { defineTool, executeEnvelope, paramError } from "./support";
import type { JsonObject } from "./types";

/** rs-llmspell's limits: 1000 entries of 5 KB. */
export const CITATION_LIMITS = { maxEntries: 1000, maxChars: 1000 * 5000 } as const;

export const STYLES = [
  "apa",
  "mla",
  "chicago-author-date",
  "chicago-fullnote-bibliography",
  "harvard",
  "ieee",
  "nature",
  "vancouver",
] as const;

interface Name {
  family: string;
  given: string;
}

function parseName(s: string): Name {
  if (s.includes(",")) {
    const [family, given] = s.split(",", 2).map((x) => x.trim());
    return { family, given: given ?? "" };
  }
  const parts = s.trim().split(/\s+/);
  const family = parts.pop() ?? "";
  return { family, given: parts.join(" ") };
}

function initials(given: string, withDots = true, spaced = true): string {
  return given
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((p) => (withDots ? `${p[0].toUpperCase()}.` : p[0].toUpperCase()))
    .join(withDots && spaced ? " " : "");
}

function joinNames(names: string[], sep: string, last: string): string {
  if (names.length <= 1) return names.join("");
  if (names.length === 2) return `${names[0]}${last}${names[1]}`;
  return `${names.slice(0, -1).join(sep)}${sep.trimEnd()}${last}${names[names.length - 1]}`;
}

const period = (s: string) => (/[.?!]$/.test(s) ? s : `${s}.`);

function volIssue(e: BibEntry, fmt: (v: string, i?: string) => string): string {
  return e.volume ? fmt(e.volume, e.issue) : "";
}

function reference(e: BibEntry, style: string, n: number): string {
  const names = e.authors.map(parseName);
  const year = e.year ?? "n.d.";
  const title = e.title ?? "Untitled";
  const doi = e.doi ? `https://doi.org/${e.doi.replace(/^https?:\/\/doi.org\//, "")}` : e.url;
  const parts: string[] = [];
  switch (style) {
    case "apa": {
      const a = joinNames(
        names.map((x) => `${x.family}, ${initials(x.given)}`.replace(/, $/, "")),
        ", ",
        ", & ",
      );
      parts.push(a ? `${a} (${year}).` : `${title}. (${year}).`);
      if (a) parts.push(period(title));
      if (e.container)
        parts.push(
          `${e.container}${volIssue(e, (v, i) => `, ${v}${i ? `(${i})` : ""}`)}${e.pages ? `, ${e.pages}` : ""}.`,
        );
      else if (e.publisher) parts.push(period(e.publisher));
      if (doi) parts.push(doi);
      break;
    }
    case "mla": {
      const a =
        names.length > 2
          ? `${names[0].family}, ${names[0].given}, et al.`
          : joinNames(
              names.map((x, i) =>
                (i === 0 ? `${x.family}, ${x.given}` : `${x.given} ${x.family}`).trim().replace(/,$/, ""),
              ),
              ", ",
              ", and ",
            );
      if (a) parts.push(period(a));
      parts.push(`"${period(title)}"`);
      const bits = [
        e.container,
        e.volume && `vol. ${e.volume}`,
        e.issue && `no. ${e.issue}`,
        e.publisher && !e.container ? e.publisher : undefined,
        e.year,
        e.pages && `pp. ${e.pages}`,
      ].filter(Boolean);
      if (bits.length) parts.push(`${bits.join(", ")}.`);
      break;
    }
    case "chicago-author-date":
    case "chicago-fullnote-bibliography": {
      const a = joinNames(
        names.map((x, i) => (i === 0 ? `${x.family}, ${x.given}` : `${x.given} ${x.family}`).trim().replace(/,$/, "")),
        ", ",
        ", and ",
      );
      if (a) parts.push(period(a));
      if (style === "chicago-author-date") {
        parts.push(`${year}.`);
        parts.push(`"${period(title)}"`);
        if (e.container)
          parts.push(
            `${e.container}${e.volume ? ` ${e.volume}` : ""}${e.issue ? ` (${e.issue})` : ""}${e.pages ? `: ${e.pages}` : ""}.`,
          );
        else if (e.publisher) parts.push(period(e.publisher));
      } else {
        parts.push(`"${period(title)}"`);
        if (e.container)
          parts.push(
            `${e.container}${e.volume ? ` ${e.volume}` : ""}${e.issue ? `, no. ${e.issue}` : ""} (${year})${e.pages ? `: ${e.pages}` : ""}.`,
          );
        else parts.push(`${e.publisher ? `${e.publisher}, ` : ""}${year}.`);
      }
      if (doi) parts.push(`${doi}.`);
      break;
    }
    case "harvard": {
      const a = joinNames(
        names.map((x) => `${x.family}, ${initials(x.given)}`.replace(/, $/, "")),
        ", ",
        " and ",
      );
      parts.push(`${a || title} (${year})`);
      if (a) parts.push(`'${title}',`);
      if (e.container)
        parts.push(
          `${e.container}${volIssue(e, (v, i) => `, ${v}${i ? `(${i})` : ""}`)}${e.pages ? `, pp. ${e.pages}` : ""}.`,
        );
      else if (e.publisher) parts.push(period(e.publisher));
      break;
    }
    case "ieee": {
      const a = joinNames(
        names.map((x) => `${initials(x.given)} ${x.family}`.trim()),
        ", ",
        names.length > 2 ? ", and " : " and ",
      );
      const bits = [
        e.container,
        e.volume && `vol. ${e.volume}`,
        e.issue && `no. ${e.issue}`,
        e.pages && `pp. ${e.pages}`,
        e.year,
      ].filter(Boolean);
      parts.push(
        `[${n}]${a ? ` ${a},` : ""} "${title}${bits.length ? "," : "."}"${bits.length ? ` ${bits.join(", ")}.` : ""}`,
      );
      break;
    }
    case "nature": {
      const a = joinNames(
        names.map((x) => `${x.family}, ${initials(x.given)}`.replace(/, $/, "")),
        ", ",
        " & ",
      );
      parts.push(`${n}. ${a ? `${a} ` : ""}${period(title)}`);
      if (e.container)
        parts.push(`${e.container}${e.volume ? ` ${e.volume}` : ""}${e.pages ? `, ${e.pages}` : ""} (${year}).`);
      else parts.push(`(${e.publisher ? `${e.publisher}, ` : ""}${year}).`);
      break;
    }
    case "vancouver": {
      const a = names.map((x) => `${x.family} ${initials(x.given, false)}`.trim()).join(", ");
      parts.push(`${n}. ${a ? `${a}. ` : ""}${period(title)}`);
      if (e.container)
        parts.push(
          `${e.container}. ${year}${e.volume ? `;${e.volume}` : ""}${e.issue ? `(${e.issue})` : ""}${e.pages ? `:${e.pages}` : ""}.`,
        );
      else parts.push(`${e.publisher ? `${e.publisher}; ` : ""}${year}.`);
      break;
    }
  }
  return parts.join(" ");
}

function inText(e: BibEntry, style: string, n: number): string {
  const names = e.authors.map(parseName).map((x) => x.family);
  const year = e.year ?? "n.d.";
  const who =
    names.length === 0
      ? (e.title ?? e.key)
      : names.length === 1
        ? names[0]
        : names.length === 2
          ? `${names[0]} ${style === "apa" ? "&" : "and"} ${names[1]}`
          : `${names[0]} et al.`;
  switch (style) {
    case "ieee":
      return `[${n}]`;
    case "nature":
    case "vancouver":
      return `(${n})`;
    case "mla":
      return `(${who})`;
    case "apa":
      return `(${who}, ${year})`;
    default:
      return `(${who} ${year})`;
  }
}

function readBibliography(input: string, format: string): BibEntry[] {
  if (input.length > CITATION_LIMITS.maxChars) {
    throw paramError(
      `Bibliography too large: ${input.length} chars (max: ${CITATION_LIMITS.maxChars} chars) (parameter 'input')`,
    );
  }
  if (!input.trim()) throw paramError(`Empty ${format === "yaml" ? "YAML" : "BibTeX"} content (parameter 'input')`);
  let entries: BibEntry[];
  try {
    if (format === "yaml") {
      if (!input.includes(":")) throw new Error("Invalid YAML format - missing key-value pairs");
      entries = parseYamlBibliography(input);
    } else {
      if (!input.includes("@") || !input.includes("{"))
        throw new Error("Invalid BibTeX format - missing @ or {} syntax");
      entries = parseBibtex(input);
    }
  } catch (e) {
    throw paramError(`${(e as Error).message} (parameter 'input')`);
  }
  if (entries.length > CITATION_LIMITS.maxEntries)
    throw paramError(`Too many entries: ${entries.length} (max: ${CITATION_LIMITS.maxEntries}) (parameter 'input')`);
  return entries;
}

function issuesOf(e: BibEntry): string[] {
  const issues: string[] = [];
  if (e.authors.length === 0) issues.push("missing author");
  if (!e.title) issues.push("missing title");
  if (!e.year) issues.push("missing date");
  if ((e.type === "article" || e.type === "periodical") && !e.container) issues.push("missing journal");
  return issues;
}

function wrap(operation: string, result: JsonValue): JsonValue {
  return executeEnvelope("citation-formatter", operation, result);
}

function run(params: JsonObject): JsonValue {
  const operation = (params.operation as string | undefined) ?? "format_citation";
  if (operation === "list_styles") {
    return wrap(operation, {
      supported_styles: [...STYLES],
      total_available: String(STYLES.length),
      note: "The styles this playground formats itself (rs-llmspell lists a CSL subset).",
      categories: {
        author_date: ["apa", "chicago-author-date", "harvard"],
        numeric: ["ieee", "nature", "vancouver"],
        note_bibliography: ["chicago-fullnote-bibliography", "mla"],
      },
    });
  }
  if (typeof params.input !== "string")
    throw paramError(`missing required parameter 'input' for operation '${operation}'`);
  const format = (params.format as string | undefined) ?? "yaml";
  const entries = readBibliography(params.input, format);
  if (operation === "validate_bibliography") {
    const results = entries.map((e) => {
      const issues = issuesOf(e);
      return { key: e.key, valid: issues.length === 0, issues, entry_type: e.type };
    });
    return wrap(operation, {
      format,
      total_entries: entries.length,
      valid_entries: results.filter((r) => r.valid).length,
      warnings: results.reduce((n, r) => n + r.issues.length, 0),
      validation_results: results,
      is_valid: entries.length > 0 && results.every((r) => r.valid),
    });
  }
  const style = (params.style as string | undefined) ?? "apa";
  let chosen = entries;
  if (typeof params.cite_keys === "string" && params.cite_keys.trim()) {
    const keys = params.cite_keys.split(",").map((k) => k.trim());
    const missing = keys.filter((k) => !entries.some((e) => e.key === k));
    if (missing.length)
      throw paramError(`cite key(s) not in the bibliography: ${missing.join(", ")} (parameter 'cite_keys')`);
    chosen = keys.map((k) => entries.find((e) => e.key === k)!);
  }
  const citations = chosen.map((e, i) => ({
    key: e.key,
    citation: inText(e, style, i + 1),
    reference: reference(e, style, i + 1),
  }));
  return wrap(operation, {
    style,
    format,
    citations,
    reference_list: citations.map((c) => c.reference),
    entry_count: entries.length,
  });
}

export const citationFormatter = defineTool({
  name: "citation-formatter",
  aliases: ["citation_formatter"],
  description:
    "Format citations and bibliographies (APA, MLA, Chicago, Harvard, IEEE, Nature, Vancouver) from BibTeX or YAML",
  category: "utility",
  pure: true,
  tags: ["citation", "bibliography", "academic"],
  schema: {
    type: "object",
    properties: {
      operation: {
        type: "string",
        enum: ["format_citation", "validate_bibliography", "list_styles"],
        default: "format_citation",
        description: "Operation to perform",
      },
      input: { type: "string", description: "Bibliography text (hayagriva YAML or BibTeX)" },
      format: { type: "string", enum: ["yaml", "bibtex"], default: "yaml", description: "Bibliography format" },
      style: { type: "string", enum: [...STYLES], default: "apa", description: "Citation style" },
      cite_keys: { type: "string", description: "Comma-separated keys to cite (default: every entry)" },
    },
  },
  run: (params) => ({ json: run(params) }),
});
