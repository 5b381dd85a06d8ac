/**
 * A spell's front matter: the run of `-- key: value` (Lua) or `// key: value` (JavaScript) comment lines at its
 * top. One line may hold several fields joined by " | " (`-- title: Hello | level: beginner | order: 1`), so the
 * metadata takes two lines instead of six. `param:` lines (lib/spell/params) are one parameter each and are not
 * fields. Examples, `llmspell help FILE` and the parameters all read this one block.
 */

const LINE = { lua: /^--\s*([a-z]+):\s*(.*?)\s*$/, javascript: /^\/\/\s*([a-z]+):\s*(.*?)\s*$/ } as const;
const FIELD = /^([a-z]+):\s*(.*?)\s*$/;

export interface FrontMatterField {
  key: string;
  value: string;
  /** 1-based line number. */
  line: number;
}

/** The front matter's lines: `key` and the text after it, for each leading comment line of that form. */
export function frontMatterLines(
  source: string,
  language: "lua" | "javascript",
): { key: string; rest: string; line: number }[] {
  const out: { key: string; rest: string; line: number }[] = [];
  const lines = source.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = LINE[language].exec(lines[i].replace(/\r$/, ""));
    if (!m) break;
    out.push({ key: m[1], rest: m[2], line: i + 1 });
  }
  return out;
}

/** Every field of the front matter except `param:` lines, in order (a repeated key appears twice). */
export function frontMatterFields(source: string, language: "lua" | "javascript"): FrontMatterField[] {
  const fields: FrontMatterField[] = [];
  for (const { key, rest, line } of frontMatterLines(source, language)) {
    if (key === "param") continue;
    const [first, ...more] = rest.split(" | ");
    fields.push({ key, value: first.trim(), line });
    for (const part of more) {
      const m = FIELD.exec(part.trim());
      // Text after " | " that is not `key: value` belongs to the field before it.
      if (m) fields.push({ key: m[1], value: m[2], line });
      else fields[fields.length - 1].value += ` | ${part.trim()}`;
    }
  }
  return fields;
}

/** One field's value (the first, when repeated), or undefined. */
export function frontMatterField(source: string, language: "lua" | "javascript", key: string): string | undefined {
  return frontMatterFields(source, language).find((f) => f.key === key)?.value;
}
