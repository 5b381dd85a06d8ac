"use client";
/**
 * The header's "⋯" button for narrow screens (below `lg`): a disclosure holding what the row has no room for:
 * Debug and Profile, share, help, settings and the theme, plus the model picker below `md`. Esc, a click outside or choosing a
 * dialog closes it; a dialog opened from it gives focus back to the "⋯" button.
 */
import { useDisclosure } from "@/components/ui/use-disclosure";
import { BugIcon, ClockIcon, MoreIcon } from "@/components/ui/icons";
import { debugOrContinue, startProfile } from "@/lib/store/playground-actions";
import type { PlaygroundStores } from "@/lib/store/playground";
import { DIALOG_ACTIONS, type DialogAction } from "./dialog-actions";
import { ModelControl, ThemeControl } from "./HeaderControls";

const MENU_ITEM =
  "flex w-full items-center gap-2.5 rounded-md px-2 py-2 text-left text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-violet-500 dark:text-zinc-200 dark:hover:bg-zinc-800 dark:hover:text-white";

/** The header's Debug and Profile buttons, which have no room in the row below `lg` (e2e/layout.spec.ts). */
const RUN_ACTIONS = [
  { label: "Debug", Icon: BugIcon, start: (stores: PlaygroundStores) => debugOrContinue(stores) },
  { label: "Profile", Icon: ClockIcon, start: (stores: PlaygroundStores) => void startProfile(stores) },
];

export function HeaderMenu({ stores, className = "" }: { stores: PlaygroundStores; className?: string }) {
  const { open, setOpen, wrapper, toggle, panelId } = useDisclosure();

  const close = (refocus: boolean) => {
    if (refocus) toggle.current?.focus();
    setOpen(false);
  };
  const choose = (dialog: DialogAction["dialog"]) => {
    // Focus first: the dialog returns focus to what had it when it opened, and the menu item is about to go.
    close(true);
    stores.ui.getState().openDialog(dialog);
  };

  return (
    <div
      ref={wrapper}
      className={`relative ${className}`}
      onKeyDown={(e) => {
        if (e.key !== "Escape" || !open) return;
        e.stopPropagation();
        close(true);
      }}
      onBlur={(e) => {
        // Tabbing past the last item closes the menu (a click elsewhere is handled by the pointer listener).
        if (e.relatedTarget && !e.currentTarget.contains(e.relatedTarget as Node)) close(false);
      }}
    >
      <button
        ref={toggle}
        type="button"
        className="icon-btn aria-expanded:bg-zinc-100 aria-expanded:text-zinc-900 dark:aria-expanded:bg-zinc-800 dark:aria-expanded:text-zinc-100"
        aria-label="More actions"
        title="More actions"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        <MoreIcon />
      </button>
      {open && (
        <div
          id={panelId}
          role="group"
          aria-label="More actions"
          tabIndex={-1}
          className="absolute right-0 top-full z-50 mt-2 w-72 max-w-[calc(100vw-1.5rem)] rounded-lg border border-zinc-200 bg-white p-2 text-sm shadow-lg outline-none dark:border-zinc-700 dark:bg-zinc-900"
          data-testid="header-menu"
        >
          <div className="mb-2 border-b border-zinc-200 px-2 pb-3 pt-1 md:hidden dark:border-zinc-800">
            <ModelControl settings={stores.settings} layout="stacked" />
          </div>
          <ul className="flex flex-col">
            {RUN_ACTIONS.map(({ label, Icon, start }) => (
              <li key={label}>
                <button
                  type="button"
                  className={MENU_ITEM}
                  onClick={() => {
                    close(true);
                    start(stores);
                  }}
                >
                  <Icon className="text-zinc-500 dark:text-zinc-400" />
                  {label}
                </button>
              </li>
            ))}
            {DIALOG_ACTIONS.map(({ dialog, label, Icon }) => (
              <li key={dialog}>
                <button type="button" className={MENU_ITEM} onClick={() => choose(dialog)}>
                  <Icon className="text-zinc-500 dark:text-zinc-400" />
                  {label}
                </button>
              </li>
            ))}
          </ul>
          <div className="mt-2 flex items-center justify-between gap-2 border-t border-zinc-200 px-2 pt-2 dark:border-zinc-800">
            <span className="text-xs font-medium text-zinc-500 dark:text-zinc-400" aria-hidden="true">
              Theme
            </span>
            <ThemeControl settings={stores.settings} />
          </div>
        </div>
      )}
    </div>
  );
}
