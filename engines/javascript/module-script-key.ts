/**
 * Where a module spell converted for a session (./module-script.ts) leaves its default export:
 * `globalThis[Symbol.for(DEFAULT_EXPORT_KEY)]`, which the session reads and deletes as the run's value. Apart
 * from module-script.ts so the engine can name it without loading acorn.
 */
export const DEFAULT_EXPORT_KEY = "llmspell.defaultExport";
