"use client";
/**
 * The playground's header bar, one row at every width: title, language, examples, model, Debug/Profile, Run/Stop,
 * share, help, settings and theme. Narrower screens show icons (named by aria-label or screen-reader text; the
 * title and Examples below `xl`) and move the secondary controls into the "⋯" menu: Debug, Profile, share, help,
 * settings and theme below `lg`, the model below `md`. e2e/layout.spec.ts checks the row at 390, 1024 and 1280 px.
 * Its controls subscribe to the stores themselves; the buttons open dialogs through the UI store.
 */
import { BookIcon } from "@/components/ui/icons";
import type { PlaygroundStores } from "@/lib/store/playground";
import { displayKeys } from "@/lib/store/shortcuts";
import { DIALOG_ACTIONS } from "./dialog-actions";
import { useIsMac } from "./hooks";
import { LanguageControl, ModelControl, RunControls, ThemeControl } from "./HeaderControls";
import { HeaderMenu } from "./HeaderMenu";
import { LessonButtons } from "@/components/learn/LessonButtons";

export function Header({ stores }: { stores: PlaygroundStores }) {
  const isMac = useIsMac();
  const { openDialog } = stores.ui.getState();
  return (
    <header className="relative z-30 flex h-12 shrink-0 items-center gap-1.5 border-b border-zinc-200 bg-white/90 px-3 backdrop-blur 2xl:gap-3 dark:border-zinc-800 dark:bg-zinc-900/80">
      <h1 className="flex shrink-0 items-center gap-2 text-sm font-semibold tracking-tight">
        <Logo />
        <span className="max-xl:sr-only">
          LLMSpell <span className="font-normal text-zinc-500 max-xl:sr-only dark:text-zinc-400">Playground</span>
        </span>
      </h1>
      <LanguageControl editor={stores.editor} />
      <button
        type="button"
        className="btn h-8 shrink-0 gap-1.5 max-xl:w-8 max-xl:px-0"
        onClick={() => openDialog("examples")}
        title="Examples"
      >
        <BookIcon />
        <span className="max-xl:sr-only">Examples</span>
      </button>
      <div className="shrink-0 max-md:hidden">
        <ModelControl settings={stores.settings} />
      </div>
      <LessonButtons stores={stores} />
      <div className="ml-auto flex shrink-0 items-center gap-2">
        <RunControls stores={stores} runKeys={displayKeys("Mod+Enter", isMac)} />
        <span className="mx-1 h-5 w-px bg-zinc-200 max-lg:hidden dark:bg-zinc-700" aria-hidden="true" />
        <div className="flex items-center gap-2 max-lg:hidden">
          {DIALOG_ACTIONS.map(({ dialog, label, Icon, title }) => (
            <button
              key={dialog}
              type="button"
              className="icon-btn"
              onClick={() => openDialog(dialog)}
              aria-label={label}
              title={title(isMac)}
            >
              <Icon />
            </button>
          ))}
          <ThemeControl settings={stores.settings} />
        </div>
        <HeaderMenu stores={stores} className="lg:hidden" />
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
