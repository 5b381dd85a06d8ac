"use client";
/**
 * The dialog the UI store says is open (examples, settings, help or share). Each loads on first open: none is
 * needed to paint, edit or run a spell. The share dialog alone follows the spell, and only while it is open.
 */
import dynamic from "next/dynamic";
import { useMemo } from "react";
import { useShallow } from "zustand/react/shallow";
import type { PlaygroundStores } from "@/lib/store/playground";
import { openExample } from "@/lib/store/playground-actions";
import { comparedRecordings } from "@/lib/store/compare";
import { shareableRecordings } from "@/lib/store/recorded-run";
import { useIsMac, useStore } from "./hooks";

const ExamplesDialog = dynamic(() => import("./ExamplesDialog").then((m) => m.ExamplesDialog), { ssr: false });
const SettingsDialog = dynamic(() => import("./SettingsDialog").then((m) => m.SettingsDialog), { ssr: false });
const HelpDialog = dynamic(() => import("./HelpDialog").then((m) => m.HelpDialog), { ssr: false });
const ShareDialog = dynamic(() => import("@/components/share/ShareDialog").then((m) => m.ShareDialog), { ssr: false });
const CompareDialog = dynamic(() => import("@/components/compare/CompareDialog").then((m) => m.CompareDialog), {
  ssr: false,
});

export function Dialogs({ stores }: { stores: PlaygroundStores }) {
  const dialog = useStore(stores.ui, (s) => s.dialog);
  const isMac = useIsMac();
  const close = stores.ui.getState().closeDialog;
  switch (dialog) {
    case "examples":
      return <OpenExamplesDialog stores={stores} isMac={isMac} onClose={close} />;
    case "settings":
      return <SettingsDialog open onClose={close} settings={stores.settings} editor={stores.editor} />;
    case "help":
      return <HelpDialog open onClose={close} isMac={isMac} />;
    case "share":
      return <OpenShareDialog stores={stores} onClose={close} />;
    case "share-compare":
      return <OpenShareDialog stores={stores} onClose={close} compared />;
    case "compare":
      return <OpenCompareDialog stores={stores} onClose={close} />;
    default:
      return null;
  }
}

function OpenExamplesDialog({ stores, isMac, onClose }: { stores: PlaygroundStores; isMac: boolean; onClose(): void }) {
  const language = useStore(stores.editor, (s) => s.language);
  return <ExamplesDialog open onClose={onClose} language={language} onOpen={(ex) => openExample(stores, ex, isMac)} />;
}

function OpenCompareDialog({ stores, onClose }: { stores: PlaygroundStores; onClose(): void }) {
  const model = useStore(stores.settings, (s) => s.model);
  return (
    <CompareDialog
      compare={stores.compare}
      model={model}
      onClose={onClose}
      onShare={() => stores.ui.getState().openDialog("share-compare")}
    />
  );
}

function OpenShareDialog({
  stores,
  onClose,
  compared = false,
}: {
  stores: PlaygroundStores;
  onClose(): void;
  /** Share the comparison: both recorded runs. */
  compared?: boolean;
}) {
  const { language, source, args } = useStore(
    stores.editor,
    useShallow((s) => ({ language: s.language, source: s.sources[s.language], args: s.args })),
  );
  const model = useStore(stores.settings, (s) => s.model);
  const modelParams = useStore(stores.settings, (s) => s.modelParams);
  const spell = useMemo(
    () => ({ language, source, model, modelParams, ...(args !== undefined ? { args: args as never } : {}) }),
    [language, source, model, modelParams, args],
  );
  const lastRun = useStore(stores.run, (s) => s.recording);
  const opened = useStore(stores.recorded, (s) => (s.active ? s.recording : null));
  const sides = useStore(stores.compare, (s) => s.sides);
  const recordings = useMemo(
    () => (compared ? comparedRecordings(sides) : shareableRecordings(lastRun, opened)),
    [compared, sides, lastRun, opened],
  );
  return <ShareDialog open onClose={onClose} spell={spell} recordings={recordings} includeByDefault={compared} />;
}
