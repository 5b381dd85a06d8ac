"use client";
/**
 * The playground's header bar: title, language, examples, model, Run/Stop, share, help, settings and theme.
 * Its controls subscribe to the stores themselves; the buttons open dialogs through the UI store.
 */
import { BookIcon, GearIcon, HelpIcon, ShareIcon } from "@/components/ui/icons";
import type { PlaygroundStores } from "@/lib/store/playground";
import { displayKeys } from "@/lib/store/shortcuts";
import { useIsMac } from "./hooks";
import { LanguageControl, ModelControl, RunControls, ThemeControl } from "./HeaderControls";

export function Header({ stores }: { stores: PlaygroundStores }) {
  const isMac = useIsMac();
  const { openDialog } = stores.ui.getState();
  return (
    <header className="flex shrink-0 flex-wrap items-center gap-x-3 gap-y-2 border-b border-zinc-200 bg-white/90 px-3 py-2 backdrop-blur dark:border-zinc-800 dark:bg-zinc-900/80">
      <h1 className="flex items-center gap-2 text-sm font-semibold tracking-tight">
        <Logo />
        <span>
          LLMSpell <span className="font-normal text-zinc-500 dark:text-zinc-400">Playground</span>
        </span>
      </h1>
      <LanguageControl editor={stores.editor} />
      <button type="button" className="btn h-8 gap-1.5" onClick={() => openDialog("examples")}>
        <BookIcon />
        Examples
      </button>
      <div className="order-last flex w-full items-center gap-2 sm:order-none sm:w-auto">
        <ModelControl settings={stores.settings} />
      </div>
      <div className="ml-auto flex flex-wrap items-center justify-end gap-2">
        <RunControls stores={stores} runKeys={displayKeys("Mod+Enter", isMac)} />
        <span className="mx-1 hidden h-5 w-px bg-zinc-200 sm:block dark:bg-zinc-700" aria-hidden="true" />
        <button
          type="button"
          className="icon-btn"
          onClick={() => openDialog("share")}
          aria-label="Share"
          title={`Share (${displayKeys("Mod+S", isMac)} copies a link)`}
        >
          <ShareIcon />
        </button>
        <button
          type="button"
          className="icon-btn"
          onClick={() => openDialog("help")}
          aria-label="Help and shortcuts"
          title="Help and shortcuts"
        >
          <HelpIcon />
        </button>
        <button
          type="button"
          className="icon-btn"
          onClick={() => openDialog("settings")}
          aria-label="Settings"
          title="Settings"
        >
          <GearIcon />
        </button>
        <ThemeControl settings={stores.settings} />
      </div>
    </header>
  );
}

function Logo() {
  return (
    <svg width="22" height="22" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id="llmspell-logo" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#8b5cf6" />
          <stop offset="1" stopColor="#d946ef" />
        </linearGradient>
      </defs>
      <rect width="32" height="32" rx="8" fill="url(#llmspell-logo)" />
      <path
        d="M9 22l9-12M18 10l1.2-3M18 10l3 1.2M12 9l.6 1.6M22 17l1.6.6M10 15l-1.6-.6"
        stroke="white"
        strokeWidth="2"
        strokeLinecap="round"
      />
    </svg>
  );
}
