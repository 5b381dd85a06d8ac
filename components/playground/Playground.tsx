"use client";
/**
 * The playground page: the header, the editor and output panes side by side (stacked on a phone), the open
 * dialog and the notices. The stores are created on the client after hydration; until then a light shell paints.
 * Each part subscribes to the store fields it shows; the page itself holds only the theme it applies and the
 * page-wide listeners (keyboard shortcuts, share links in the URL, storage problems).
 */
import { useEffect, useState } from "react";
import { SplitPane } from "@/components/ui/SplitPane";
import { useAppliedTheme } from "@/components/ui/use-applied-theme";
import { getPlaygroundStores, type PlaygroundStores } from "@/lib/store/playground";
import { copyShareLink, startRun } from "@/lib/store/playground-actions";
import { onStorageNotice } from "@/lib/store/storage";
import { showStorageNotice } from "@/lib/store/ui";
import { Dialogs } from "./Dialogs";
import { EditorPane } from "./EditorPane";
import { Header } from "./Header";
import { useStore } from "./hooks";
import { Notices } from "./Notices";
import { OutputPane } from "./OutputPane";
import { PlaygroundShell } from "./PlaygroundShell";
import { useGlobalShortcuts } from "./use-global-shortcuts";
import { useShareLinkFromHash } from "./use-share-link-from-hash";

export function Playground() {
  const [stores, setStores] = useState<PlaygroundStores | null>(null);
  useEffect(() => {
    // Stores read browser storage: create them only on the client, after hydration.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- one-time client initialisation
    setStores(getPlaygroundStores());
  }, []);
  if (!stores) return <PlaygroundShell />;
  return <PlaygroundView stores={stores} />;
}

function PlaygroundView({ stores }: { stores: PlaygroundStores }) {
  const { editor, settings, run, ui } = stores;
  const theme = useStore(settings, (s) => s.theme);
  const applied = useAppliedTheme(theme);

  useEffect(() => onStorageNotice((n) => showStorageNotice(ui, n)), [ui]);
  useShareLinkFromHash(editor, settings, ui.getState().notify);
  useGlobalShortcuts({
    isRunning: () => run.getState().status === "running",
    run: () => void startRun(stores),
    stop: run.getState().stop,
    share: () =>
      void copyShareLink(stores, {
        origin: window.location.origin,
        writeText: (text) => navigator.clipboard.writeText(text),
      }),
    clear: run.getState().clearConsole,
    help: () => ui.getState().openDialog("help"),
  });

  return (
    <div
      className="flex h-dvh flex-col bg-zinc-50 text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100"
      data-testid="playground"
      data-theme-applied={applied}
    >
      <Header stores={stores} />
      <Notices ui={ui} />
      <main className="flex min-h-0 flex-1">
        <SplitPane
          first={<EditorPane stores={stores} theme={applied} />}
          second={<OutputPane stores={stores} />}
          storageKey="llmspell.split"
          label="Resize editor and output"
        />
      </main>
      <Dialogs stores={stores} />
    </div>
  );
}
