/**
 * What a share preview (Open Graph / Twitter card) says about a shared spell: its title and description, read
 * from the spell's front matter (`-- title: ...`, `-- description: ...` in Lua; `// title: ...` in JavaScript),
 * the run of `key: value` comment lines that opens a spell, as the examples write it. Any spell may be shared,
 * so this reader is lenient (examples/front-matter.ts is the strict one for the examples): without a `title:`
 * the first plain comment line serves, and without either a sentence naming the language does. Both are cut
 * to what previews show, on a word boundary.
 */
import type { SpellLanguage } from "@/lib/core/dialect";

export interface ShareCard {
  title: string;
  description: string;
}

/** Characters of a card's title and description (longer ones are cut with "…"). */
export const SHARE_CARD_BOUNDS = { maxTitleChars: 80, maxDescriptionChars: 200 } as const;

const COMMENT = { lua: /^--(?!\[=*\[)\s?(.*)$/, javascript: /^\/\/\s?(.*)$/ } as const;
const FRONT_LINE = /^([a-z]+):\s*(.*?)\s*$/;
const LANGUAGE_NAME: Record<SpellLanguage, string> = { lua: "Lua", javascript: "JavaScript" };

/** The preview of a shared spell. */
export function describeSharedSpell(spell: { language: SpellLanguage; source: string }): ShareCard {
  const front: Record<string, string> = {};
  let firstComment: string | undefined;
  let inFront = true;
  for (const raw of spell.source.split("\n").slice(0, 50)) {
    const line = raw.replace(/\r$/, "").trim();
    const comment = COMMENT[spell.language].exec(line);
    if (!comment) {
      // Blank lines may sit between the front matter and the first comment; code ends the search.
      if (line === "") {
        inFront = false;
        continue;
      }
      break;
    }
    const text = comment[1].trim();
    const entry = inFront ? FRONT_LINE.exec(text) : null;
    if (entry) {
      front[entry[1]] ??= entry[2];
      continue;
    }
    inFront = false;
    if (text !== "" && firstComment === undefined) firstComment = text;
  }
  const language = LANGUAGE_NAME[spell.language];
  const title = clean(front.title) || clean(firstComment) || `A shared ${language} spell`;
  const description =
    clean(front.description) ||
    `A ${language} spell shared from LLMSpell Playground: open it to read, run and edit it in the browser.`;
  return {
    title: cut(title, SHARE_CARD_BOUNDS.maxTitleChars),
    description: cut(description, SHARE_CARD_BOUNDS.maxDescriptionChars),
  };
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
