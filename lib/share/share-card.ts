/**
 * What a share preview (Open Graph / Twitter card) says about a shared spell: its title and description, read
 * from the spell's front matter (lib/spell/front-matter.ts, the one reader: `-- title: ... | level: ...` in Lua,
 * `// title: ...` in JavaScript). Any spell may be shared, so this is lenient: without a `title:`
 * the first plain comment line serves, and without either a sentence naming the language does. Both are cut
 * to what previews show, on a word boundary.
 */
import type { SpellLanguage } from "@/lib/core/dialect";
import { frontMatterField, frontMatterLines } from "@/lib/spell/front-matter";

export interface ShareCard {
  title: string;
  description: string;
}

/** Characters of a card's title and description (longer ones are cut with "…"). */
export const SHARE_CARD_BOUNDS = { maxTitleChars: 80, maxDescriptionChars: 200 } as const;

const COMMENT = { lua: /^--(?!\[=*\[)\s?(.*)$/, javascript: /^\/\/\s?(.*)$/ } as const;
const LANGUAGE_NAME: Record<SpellLanguage, string> = { lua: "Lua", javascript: "JavaScript" };

/** The preview of a shared spell. */
export function describeSharedSpell(spell: { language: SpellLanguage; source: string }): ShareCard {
  const { language: lang, source } = spell;
  const language = LANGUAGE_NAME[lang];
  const title =
    clean(frontMatterField(source, lang, "title")) || clean(firstComment(source, lang)) || `A shared ${language} spell`;
  const description =
    clean(frontMatterField(source, lang, "description")) ||
    `A ${language} spell shared from LLMSpell Playground: open it to read, run and edit it in the browser.`;
  return {
    title: cut(title, SHARE_CARD_BOUNDS.maxTitleChars),
    description: cut(description, SHARE_CARD_BOUNDS.maxDescriptionChars),
  };
}

/** The first plain comment line after the front matter (blank lines may come between), before any code. */
function firstComment(source: string, language: SpellLanguage): string | undefined {
  const lines = source.split("\n").slice(frontMatterLines(source, language).length, 50);
  for (const raw of lines) {
    const line = raw.replace(/\r$/, "").trim();
    if (line === "") continue;
    const comment = COMMENT[language].exec(line);
    if (!comment) return undefined;
    const text = comment[1].trim();
    if (text !== "") return text;
  }
  return undefined;
}

/** Control characters out, runs of spaces folded. */
function clean(text: string | undefined): string {
  return (text ?? "")
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function cut(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max - 1).join("");
  const space = head.lastIndexOf(" ");
  return `${(space > max / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}
