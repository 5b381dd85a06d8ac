"use client";
/** Help: what a spell is, the keyboard shortcuts, and where the docs are. */
import { Dialog } from "@/components/ui/Dialog";
import { SHORTCUTS, displayKeys } from "@/lib/store/shortcuts";

export function HelpDialog({ open, onClose, isMac }: { open: boolean; onClose(): void; isMac: boolean }) {
  return (
    <Dialog open={open} onClose={onClose} title="Help and shortcuts">
      <div className="space-y-4 text-sm">
        <p className="text-zinc-600 dark:text-zinc-300">
          A <strong>spell</strong> is a short Lua or JavaScript script that drives LLM agents, tools and workflows. It
          runs here, in your browser, in a WebAssembly sandbox. The <code className="code">mock/*</code> models need no
          key.
        </p>
        <section>
          <h3 className="mb-2 font-semibold">Keyboard shortcuts</h3>
          <table className="w-full text-left" data-testid="shortcuts">
            <caption className="sr-only">Keyboard shortcuts</caption>
            <thead className="sr-only">
              <tr>
                <th scope="col">Keys</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {SHORTCUTS.map((s) => (
                <tr key={s.action} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                  <td className="py-1.5 pr-4">
                    <kbd className="kbd">{displayKeys(s.keys, isMac)}</kbd>
                  </td>
                  <td className="py-1.5 text-zinc-700 dark:text-zinc-300">{s.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <p className="text-zinc-600 dark:text-zinc-300" data-testid="tab-focus-help">
          In the code editor, <kbd className="kbd">Tab</kbd> indents. To move on with the keyboard instead, press{" "}
          <kbd className="kbd">{isMac ? "⌃⇧M" : "Ctrl+M"}</kbd> once: <kbd className="kbd">Tab</kbd> then leaves the
          editor like any field (press it again to switch back).
        </p>
        <p>
          The full API reference, in both languages:{" "}
          <a className="link" href="/docs">
            Spell API docs
          </a>
          .
        </p>
      </div>
    </Dialog>
  );
}
