/// <reference lib="webworker" />
/**
 * The checker's worker: runs lib/check off the main thread so typing never waits on it. One message in
 * (`{ id, source, language, models? }`), one out (`{ id, diagnostics }`); a failure answers no diagnostics
 * rather than breaking the editor.
 */
import { canCheck, checkSpell, type Diagnostic } from "@/lib/check";
import type { SpellLanguage } from "@/lib/core/dialect";

interface CheckRequest {
  id: number;
  source: string;
  language: SpellLanguage;
  models?: string[];
}

self.onmessage = (event: MessageEvent<CheckRequest>) => {
  const { id, source, language, models } = event.data;
  let diagnostics: Diagnostic[] = [];
  try {
    if (canCheck(language)) diagnostics = checkSpell(source, language, models ? { models } : {});
  } catch {
    diagnostics = [];
  }
  self.postMessage({ id, diagnostics });
};
