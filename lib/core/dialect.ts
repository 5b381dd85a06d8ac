/**
 * What the engine-neutral spell API needs to know about the language a spell is written in, declared by each
 * engine plugin: the spell API reads this instead of asking which engine runs. A third-party engine declares
 * the dialect it speaks (usually one of the two built-in languages, with its own file extensions).
 */

/** The languages the spell API speaks: the one list every schema and type derives from. */
export const SPELL_LANGUAGES = ["lua", "javascript"] as const;

/** A language the spell API speaks: picks its preludes, its JSON global, and the `language` hooks report. */
export type SpellLanguage = (typeof SPELL_LANGUAGES)[number];

/** The script's words for value types, as error messages and `Debug.dump` say them. */
interface SpellTypeWords {
  /** A missing value: Lua `nil`, JavaScript `undefined`. */
  undefined: string;
  /** `null`: Lua has none and says `nil`. */
  null: string;
  /** A list: Lua `table`, JavaScript `array`. */
  array: string;
  /** A record: Lua `table`, JavaScript `object`. */
  object: string;
  /** What a list argument is called in "expected …": Lua `a list (table)`, JavaScript `an array`. */
  expectedList: string;
}

export interface SpellDialect {
  language: SpellLanguage;
  /** Where list positions start in the script: paths in messages count from here (`steps[1]` in Lua). */
  indexBase: 0 | 1;
  typeWords: SpellTypeWords;
  /** File extensions of spells in this dialect, without the dot (`lua`; `js`, `mjs`). */
  extensions: readonly string[];
}

/** Whether `value` names a language the spell API speaks. */
export function isSpellLanguage(value: unknown): value is SpellLanguage {
  return typeof value === "string" && (SPELL_LANGUAGES as readonly string[]).includes(value);
}

/** Lua 5.4 as the spell API speaks to it (the built-in Lua engine declares it). */
export const LUA_DIALECT: SpellDialect = {
  language: "lua",
  indexBase: 1,
  typeWords: { undefined: "nil", null: "nil", array: "table", object: "table", expectedList: "a list (table)" },
  extensions: ["lua"],
};

/** JavaScript as the spell API speaks to it (the built-in QuickJS engine declares it). */
export const JAVASCRIPT_DIALECT: SpellDialect = {
  language: "javascript",
  indexBase: 0,
  typeWords: { undefined: "undefined", null: "null", array: "array", object: "object", expectedList: "an array" },
  extensions: ["js", "mjs"],
};

/** The built-in dialect of a language. */
export function dialectOf(language: SpellLanguage): SpellDialect {
  return language === "lua" ? LUA_DIALECT : JAVASCRIPT_DIALECT;
}
