/**
 * Which languages the checker reads, in a module of its own so the page can ask without loading the checker
 * (which stays in its worker). Lua joins when its Lua 5.4 parser lands.
 */
import type { SpellLanguage } from "@/lib/core/dialect";

export function canCheck(language: SpellLanguage): boolean {
  return language === "javascript";
}
