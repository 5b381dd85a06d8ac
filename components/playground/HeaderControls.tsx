"use client";
/**
 * The header's controls bound to the stores: each subscribes to the fields it shows and hands the store's
 * actions to a presentational component (LanguageSwitch, ModelPicker and ModelSettings, RunButtons, ThemeSwitch).
 */
import { useShallow } from "zustand/react/shallow";
import type { PlaygroundStores } from "@/lib/store/playground";
import { startRun } from "@/lib/store/playground-actions";
import { useElapsed, useStore } from "./hooks";
import { LanguageSwitch } from "./LanguageSwitch";
import { ModelPicker, type ModelPickerProps } from "./ModelPicker";
import { ModelSettings } from "./ModelSettings";
import { RunButtons } from "./RunButtons";
import { DebugControls } from "./DebugControls";
import { ThemeSwitch } from "./ThemeSwitch";

export function LanguageControl({ editor }: Pick<PlaygroundStores, "editor">) {
  const language = useStore(editor, (s) => s.language);
  return <LanguageSwitch value={language} onChange={editor.getState().setLanguage} />;
}

export function ModelControl({
  settings,
  layout,
}: Pick<PlaygroundStores, "settings"> & Pick<ModelPickerProps, "layout">) {
  const { model, mockAll, update, hasKey, modelParams, setModelParams } = useStore(
    settings,
    useShallow((s) => ({
      model: s.model,
      mockAll: s.mockAll,
      update: s.update,
      hasKey: s.byokKey !== "",
      modelParams: s.modelParams,
      setModelParams: s.setModelParams,
    })),
  );
  const stacked = layout === "stacked";
  return (
    <div className={stacked ? "flex flex-col gap-2" : "flex items-center gap-1"}>
      <ModelPicker
        model={model}
        mockAll={mockAll}
        hasKey={hasKey}
        onModel={(m) => update({ model: m })}
        onMockAll={(on) => update({ mockAll: on })}
        layout={layout}
      />
      <ModelSettings params={modelParams} onChange={setModelParams} layout={layout} />
    </div>
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
    <div className="flex items-center gap-2">
      <DebugControls stores={stores} />
      <RunButtons
        running={running}
        elapsedMs={elapsed}
        tokens={tokens}
        onRun={() => void startRun(stores)}
        onStop={stores.run.getState().stop}
        runKeys={runKeys}
      />
    </div>
  );
}

export function ThemeControl({ settings }: Pick<PlaygroundStores, "settings">) {
  const theme = useStore(settings, (s) => s.theme);
  return <ThemeSwitch value={theme} onChange={(t) => settings.getState().update({ theme: t })} />;
}
