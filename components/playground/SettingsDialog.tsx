"use client";
/**
 * Settings: editor (font size, keybindings, editor kind), the security preset of every run, your own API key
 * (BYOK), and the history of spells.
 */
import { useId, useState } from "react";
import { Dialog } from "@/components/ui/Dialog";
import type { EditorStore } from "@/lib/store/editor";
import { SANDBOX_PRESETS, sandboxRules, type SandboxPreset } from "@/lib/core/sandbox";
import { FONT_SIZE_MAX, FONT_SIZE_MIN } from "@/lib/store/schemas";
import type { SettingsStore } from "@/lib/store/settings";
import { useStore } from "./hooks";

export function SettingsDialog({
  open,
  onClose,
  settings,
  editor,
}: {
  open: boolean;
  onClose(): void;
  settings: SettingsStore;
  editor: EditorStore;
}) {
  const s = useStore(settings);
  const history = useStore(editor, (e) => e.history);
  const [showKey, setShowKey] = useState(false);
  const ids = { font: useId(), keys: useId(), kind: useId(), sandbox: useId(), byok: useId(), remember: useId() };
  return (
    <Dialog open={open} onClose={onClose} title="Settings" width="max-w-xl">
      <div className="space-y-6 text-sm">
        <section className="space-y-3">
          <h3 className="font-semibold">Editor</h3>
          <div className="grid grid-cols-[8rem_1fr] items-center gap-3">
            <label htmlFor={ids.font}>Font size</label>
            <div className="flex items-center gap-2">
              <input
                id={ids.font}
                type="range"
                min={FONT_SIZE_MIN}
                max={FONT_SIZE_MAX}
                value={s.fontSize}
                onChange={(e) => s.update({ fontSize: Number(e.target.value) })}
                className="flex-1 accent-violet-600"
              />
              <span className="w-10 tabular-nums text-zinc-500 dark:text-zinc-400">{s.fontSize}px</span>
            </div>
            <label htmlFor={ids.keys}>Keybindings</label>
            <select
              id={ids.keys}
              className="input h-8"
              value={s.keybindings}
              onChange={(e) => s.update({ keybindings: e.target.value as "default" | "vim" })}
            >
              <option value="default">Default</option>
              <option value="vim">Vim</option>
            </select>
            <label htmlFor={ids.kind}>Editor</label>
            <select
              id={ids.kind}
              className="input h-8"
              value={s.editorKind}
              onChange={(e) => s.update({ editorKind: e.target.value as "auto" | "monaco" | "plain" })}
            >
              <option value="auto">Automatic (plain text on touch devices)</option>
              <option value="monaco">Code editor (Monaco)</option>
              <option value="plain">Plain text</option>
            </select>
          </div>
        </section>

        <section className="space-y-2">
          <h3 className="font-semibold">Security</h3>
          <div className="grid grid-cols-[8rem_1fr] items-center gap-3">
            <label htmlFor={ids.sandbox}>Sandbox preset</label>
            <select
              id={ids.sandbox}
              className="input h-8"
              value={s.sandbox}
              onChange={(e) => s.update({ sandbox: e.target.value as SandboxPreset })}
              data-testid="sandbox-preset"
            >
              {SANDBOX_PRESETS.map((p) => (
                <option key={p} value={p}>
                  {p[0].toUpperCase() + p.slice(1)}: {sandboxRules(p).summary}
                </option>
              ))}
            </select>
          </div>
          <p className="text-zinc-600 dark:text-zinc-400">
            Applies from the next run. Embedded spells in this browser may ask for a stricter preset, never a looser
            one.
          </p>
        </section>

        <section className="space-y-2">
          <h3 className="font-semibold">Your OpenAI key (optional)</h3>
          <p className="text-zinc-600 dark:text-zinc-400">
            Used only for <code className="code">openai/*</code> models, sent only to this site&apos;s own model route
            with each run, and never put in a share link or a log. It stays in this tab unless you choose to remember
            it.
          </p>
          <div className="flex gap-2">
            <label htmlFor={ids.byok} className="sr-only">
              OpenAI API key
            </label>
            <input
              id={ids.byok}
              type={showKey ? "text" : "password"}
              autoComplete="off"
              spellCheck={false}
              placeholder="sk-…"
              value={s.byokKey}
              onChange={(e) => s.setByokKey(e.target.value)}
              className="input h-8 flex-1 font-mono"
            />
            <button type="button" className="btn h-8" onClick={() => setShowKey(!showKey)} aria-pressed={showKey}>
              {showKey ? "Hide" : "Show"}
            </button>
            <button type="button" className="btn h-8" onClick={() => s.setByokKey("")} disabled={!s.byokKey}>
              Forget
            </button>
          </div>
          <label htmlFor={ids.remember} className="flex items-center gap-2">
            <input
              id={ids.remember}
              type="checkbox"
              checked={s.rememberKey}
              onChange={(e) => s.setRememberKey(e.target.checked)}
              className="accent-violet-600"
            />
            Remember the key in this browser (localStorage)
          </label>
        </section>

        <section className="space-y-2">
          <h3 className="font-semibold">History</h3>
          {history.length === 0 ? (
            <p className="text-zinc-500 dark:text-zinc-400">
              Spells you put aside (by opening a shared link or an example) appear here.
            </p>
          ) : (
            <ul
              className="divide-y divide-zinc-100 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
              data-testid="history"
            >
              {history.map((h, i) => (
                <li key={`${h.savedAt}-${i}`} className="flex items-center gap-2 px-3 py-2">
                  <div className="min-w-0 flex-1">
                    <div className="truncate font-mono text-xs">
                      {h.source.split("\n").find((l) => l.trim()) ?? "(empty)"}
                    </div>
                    <div className="text-xs text-zinc-500 dark:text-zinc-400">
                      {h.language === "lua" ? "Lua" : "JavaScript"} · {new Date(h.savedAt).toLocaleString()} ·{" "}
                      {h.reason}
                    </div>
                  </div>
                  <button
                    type="button"
                    className="btn h-7 px-2 text-xs"
                    onClick={() => {
                      editor.getState().restoreHistory(i);
                      onClose();
                    }}
                  >
                    Restore
                  </button>
                  <button
                    type="button"
                    className="btn h-7 px-2 text-xs"
                    onClick={() => editor.getState().removeHistory(i)}
                    aria-label={`Delete history entry ${i + 1}`}
                  >
                    Delete
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </Dialog>
  );
}
