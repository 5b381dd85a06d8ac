"use client";
/**
 * The header's controls bound to the stores: each subscribes to the fields it shows and hands the store's
 * actions to a presentational component (LanguageSwitch, ModelPicker, RunButtons, ThemeSwitch).
 */
import { useShallow } from "zustand/react/shallow";
import type { PlaygroundStores } from "@/lib/store/playground";
import { startRun } from "@/lib/store/playground-actions";
import { useElapsed, useStore } from "./hooks";
import { LanguageSwitch } from "./LanguageSwitch";
import { ModelPicker, type ModelPickerProps } from "./ModelPicker";
import { RunButtons } from "./RunButtons";
import { ThemeSwitch } from "./ThemeSwitch";

export function LanguageControl({ editor }: Pick<PlaygroundStores, "editor">) {
  const language = useStore(editor, (s) => s.language);
  return <LanguageSwitch value={language} onChange={editor.getState().setLanguage} />;
}

export function ModelControl({
  settings,
  layout,
}: Pick<PlaygroundStores, "settings"> & Pick<ModelPickerProps, "layout">) {
  const { model, mockAll, update, hasKey } = useStore(
    settings,
    useShallow((s) => ({ model: s.model, mockAll: s.mockAll, update: s.update, hasKey: s.byokKey !== "" })),
  );
  return (
    <ModelPicker
      model={model}
      mockAll={mockAll}
      hasKey={hasKey}
      onModel={(m) => update({ model: m })}
      onMockAll={(on) => update({ mockAll: on })}
      layout={layout}
    />
  );
}

export function RunControls({ stores, runKeys }: { stores: PlaygroundStores; runKeys: string }) {
  const { status, startedAt, endedAt, tokens } = useStore(
    stores.run,
    useShallow((s) => ({
      status: s.status,
      startedAt: s.startedAt,
      endedAt: s.endedAt,
      tokens: s.tokens.input + s.tokens.output + s.tokens.live,
    })),
  );
  const running = status === "running";
  const elapsed = useElapsed(startedAt, endedAt, running);
  return (
    <RunButtons
      running={running}
      elapsedMs={elapsed}
      tokens={tokens}
      onRun={() => void startRun(stores)}
      onStop={stores.run.getState().stop}
      runKeys={runKeys}
    />
  );
}

export function ThemeControl({ settings }: Pick<PlaygroundStores, "settings">) {
  const theme = useStore(settings, (s) => s.theme);
  return <ThemeSwitch value={theme} onChange={(t) => settings.getState().update({ theme: t })} />;
}
