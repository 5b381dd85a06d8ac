/**
 * Reading bibliographies for citation-formatter: BibTeX entries and hayagriva-style YAML (the subset
 * bibliographies use: nested maps by indentation, `- item` and `[a, b]` lists, plain and quoted scalars).
 */
import { setOwnValue } from "@/lib/core/json";

export interface BibEntry {
  key: string;
  type: string;
  authors: string[];
  title?: string;
  year?: string;
  container?: string;
  volume?: string;
  issue?: string;
  pages?: string;
  publisher?: string;
  url?: string;
  doi?: string;
}

function clean(s: string): string {
  return s.replace(/[{}]/g, "").replace(/\s+/g, " ").trim();
}

function splitAuthors(s: string): string[] {
  return s
    .split(/\s+and\s+/i)
    .map(clean)
    .filter(Boolean);
}

/** Parse BibTeX `@type{key, field = {value}, field = "value", field = 2020}` entries. */
export function parseBibtex(text: string): BibEntry[] {
  const entries: BibEntry[] = [];
  const re = /@(\w+)\s*\{\s*([^,\s]+)\s*,/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const type = m[1].toLowerCase();
    if (type === "comment" || type === "preamble" || type === "string") continue;
    let i = re.lastIndex;
    let depth = 1;
    const start = i;
    while (i < text.length && depth > 0) {
      if (text[i] === "{") depth++;
      else if (text[i] === "}") depth--;
      i++;
    }
    if (depth !== 0) throw new Error(`entry '${m[2]}' is not closed`);
    const body = text.slice(start, i - 1);
    const fields: Record<string, string> = {};
    const fre = /(\w+)\s*=\s*/g;
    let f: RegExpExecArray | null;
    while ((f = fre.exec(body))) {
      let j = fre.lastIndex;
      let value = "";
      if (body[j] === "{") {
        let d = 0;
        const s = j;
        for (; j < body.length; j++) {
          if (body[j] === "{") d++;
          else if (body[j] === "}" && --d === 0) break;
        }
        value = body.slice(s + 1, j);
        j++;
      } else if (body[j] === '"') {
        const e = body.indexOf('"', j + 1);
        value = body.slice(j + 1, e < 0 ? body.length : e);
        j = e < 0 ? body.length : e + 1;
      } else {
        const e = body.slice(j).search(/[,\n}]/);
        value = body.slice(j, e < 0 ? body.length : j + e);
        j = e < 0 ? body.length : j + e;
      }
      fields[f[1].toLowerCase()] = clean(value);
      fre.lastIndex = j;
    }
    entries.push({
      key: m[2],
      type,
      authors: fields.author ? splitAuthors(fields.author) : fields.editor ? splitAuthors(fields.editor) : [],
      title: fields.title,
      year: fields.year ?? fields.date?.slice(0, 4),
      container: fields.journal ?? fields.booktitle,
      volume: fields.volume,
      issue: fields.number ?? fields.issue,
      pages: fields.pages?.replace(/-+/g, "–"),
      publisher: fields.publisher ?? fields.institution ?? fields.school,
      url: fields.url,
      doi: fields.doi,
    });
    re.lastIndex = i;
  }
  return entries;
}

type Yaml = string | Yaml[] | { [k: string]: Yaml };

function scalar(s: string): Yaml {
  const t = s.trim();
  if (/^".*"$/.test(t)) return t.slice(1, -1).replace(/\\"/g, '"');
  if (/^'.*'$/.test(t)) return t.slice(1, -1).replace(/''/g, "'");
  if (/^\[.*\]$/.test(t)) {
    return (t.slice(1, -1).match(/"(?:[^"\\]|\\.)*"|'[^']*'|[^,]+/g) ?? [])
      .map((x) => scalar(x))
      .filter((x) => x !== "");
  }
  return t.replace(/\s+#.*$/, "");
}

/** A small YAML subset reader (enough for bibliographies). */
function parseYamlSubset(text: string): { [k: string]: Yaml } {
  const lines = text
    .split(/\r?\n/)
    .map((raw) => ({ indent: raw.length - raw.trimStart().length, text: raw.trim() }))
    .filter((l) => l.text !== "" && !l.text.startsWith("#") && l.text !== "---");
  let pos = 0;
  function block(indent: number): Yaml {
    if (pos < lines.length && lines[pos].text.startsWith("- ")) {
      const list: Yaml[] = [];
      while (pos < lines.length && lines[pos].indent === indent && lines[pos].text.startsWith("- ")) {
        list.push(scalar(lines[pos].text.slice(2)));
        pos++;
      }
      return list;
    }
    const map: { [k: string]: Yaml } = {};
    while (pos < lines.length && lines[pos].indent === indent) {
      const line = lines[pos];
      const m = /^("[^"]*"|'[^']*'|[^:]+):(?:\s+(.*))?$/.exec(line.text);
      if (!m) throw new Error(`cannot read line ${pos + 1}: ${line.text}`);
      const key = String(scalar(m[1]));
      pos++;
      if (m[2] !== undefined && m[2] !== "") setOwnValue(map, key, scalar(m[2]));
      else if (pos < lines.length && lines[pos].indent > indent) setOwnValue(map, key, block(lines[pos].indent));
      else setOwnValue(map, key, "");
    }
    return map;
  }
  const root = lines.length ? block(lines[0].indent) : {};
  if (pos < lines.length) throw new Error(`unexpected indentation at: ${lines[pos].text}`);
  if (Array.isArray(root) || typeof root === "string") throw new Error("the bibliography must be a map of entries");
  return root;
}

const str = (v: Yaml | undefined): string | undefined =>
  v === undefined ? undefined : Array.isArray(v) || typeof v === "object" ? undefined : v;

/** hayagriva YAML: `key: {type, title, author, date, parent: {title, volume, issue}, page-range, publisher, url, doi}`. */
export function parseYamlBibliography(text: string): BibEntry[] {
  const root = parseYamlSubset(text);
  return Object.entries(root).map(([key, v]) => {
    const e = (typeof v === "object" && !Array.isArray(v) ? v : {}) as { [k: string]: Yaml };
    const parent = (typeof e.parent === "object" && !Array.isArray(e.parent) ? e.parent : {}) as { [k: string]: Yaml };
    const author = e.author ?? e.editor;
    const authors = Array.isArray(author) ? author.map(String) : typeof author === "string" && author ? [author] : [];
    const date = str(e.date);
    return {
      key,
      type: (str(e.type) ?? "misc").toLowerCase(),
      authors,
      title: str(e.title),
      year: date ? date.slice(0, 4) : undefined,
      container: str(parent.title),
      volume: str(parent.volume) ?? str(e.volume),
      issue: str(parent.issue) ?? str(e.issue),
      pages: str(e["page-range"]) ?? str(e.pages),
      publisher: str(e.publisher) ?? str(parent.publisher),
      url: str(e.url),
      doi: str(e.doi) ?? str((e.serial as { [k: string]: Yaml } | undefined)?.doi),
    };
  });
}
