/**
 * Which languages the checker reads, in a module of its own so the page can ask without loading the checker
 * (which stays in its worker). Both languages are read today; a plugin engine's language may not be.
 */
import type { SpellLanguage } from "@/lib/core/dialect";

export function canCheck(language: SpellLanguage): boolean {
  return language === "javascript" || language === "lua";
}
