/** The playground's keyboard shortcuts: one table for the handler and the help dialog. */

export type ShortcutAction = "run" | "stop" | "share" | "clear" | "help";

export interface Shortcut {
  action: ShortcutAction;
  /** Human label of the keys, with "Mod" meaning Ctrl (Cmd on a Mac). */
  keys: string;
  description: string;
}

export const SHORTCUTS: Shortcut[] = [
  { action: "run", keys: "Mod+Enter", description: "Run the spell" },
  { action: "stop", keys: "Esc", description: "Stop the running spell" },
  { action: "share", keys: "Mod+S", description: "Copy a share link to the clipboard" },
  { action: "clear", keys: "Mod+K", description: "Clear the console" },
  { action: "help", keys: "Shift+?", description: "Show this help (outside the editor)" },
];

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  /** True when the key goes to a text field or the editor. */
  inEditable?: boolean;
}

/** Which action a key press means. `running` decides whether Esc stops. Mac uses Cmd, others Ctrl. */
export function matchShortcut(e: KeyLike, opts: { isMac: boolean; running: boolean }): ShortcutAction | null {
  const mod = opts.isMac ? e.metaKey : e.ctrlKey;
  if (mod && !e.altKey && e.key === "Enter") return "run";
  if (mod && !e.altKey && !e.shiftKey && (e.key === "s" || e.key === "S")) return "share";
  if (mod && !e.altKey && !e.shiftKey && (e.key === "k" || e.key === "K")) return "clear";
  if (e.key === "Escape" && opts.running) return "stop";
  if (e.key === "?" && !mod && !e.altKey && !e.inEditable) return "help";
  return null;
}

/** "Mod+Enter" → "Ctrl+Enter" or "⌘+Enter". */
export function displayKeys(keys: string, isMac: boolean): string {
  return keys.replace("Mod", isMac ? "⌘" : "Ctrl");
}
