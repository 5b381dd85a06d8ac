"use client";
/**
 * Debug and Profile buttons, the stepping buttons while a debug run is paused, and the debugger's keys:
 * F5 start/continue, F10 step over, F11 step into, Shift+F11 step out, Shift+F5 stop.
 */
import { useEffect, useRef } from "react";
import { useShallow } from "zustand/react/shallow";
import type { DebugAction } from "@/lib/core/debug";
import { debugOrContinue, startProfile } from "@/lib/store/playground-actions";
import type { PlaygroundStores } from "@/lib/store/playground";
import { useStore } from "./hooks";

/** `short`: the sign shown instead of the label on a phone (the label stays the button's name). */
const STEPS: { action: DebugAction; label: string; short: string; keys: string }[] = [
  { action: "continue", label: "Continue", short: "▶", keys: "F5" },
  { action: "stepOver", label: "Step over", short: "↷", keys: "F10" },
  { action: "stepInto", label: "Step into", short: "↓", keys: "F11" },
  { action: "stepOut", label: "Step out", short: "↑", keys: "Shift+F11" },
  { action: "stop", label: "Stop", short: "■", keys: "Shift+F5" },
];

/** The key's debugger action, or null. */
function keyAction(e: KeyboardEvent): "start" | "stepStart" | DebugAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (e.key === "F5") return e.shiftKey ? "stop" : "start";
  if (e.key === "F10" && !e.shiftKey) return "stepOver";
  if (e.key === "F11") return e.shiftKey ? "stepOut" : "stepInto";
  return null;
}

export function DebugControls({ stores }: { stores: PlaygroundStores }) {
  const { paused, mode } = useStore(
    stores.debug,
    useShallow((s) => ({ paused: s.paused, mode: s.mode })),
  );
  const running = useStore(stores.run, (s) => s.status === "running");
  const latest = useRef(stores);
  useEffect(() => {
    latest.current = stores;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = keyAction(e);
      if (!action || document.querySelector("dialog[open]")) return;
      e.preventDefault();
      e.stopPropagation();
      const s = latest.current;
      const debug = s.debug.getState();
      if (action === "start") debugOrContinue(s);
      else if (debug.paused) debug.act(action as DebugAction);
      else if (action === "stop") {
        if (debug.mode === "debugging") s.run.getState().stop();
      } else if (s.run.getState().status !== "running") debugOrContinue(s, { step: true });
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, []);

  if (paused)
    return (
      <div className="flex items-center gap-1" role="toolbar" aria-label="Debugger" data-testid="debug-toolbar">
        {STEPS.map((s) => (
          <button
            key={s.action}
            type="button"
            className="btn h-8 px-2 text-xs max-md:w-8 max-md:px-0"
            title={`${s.label} (${s.keys})`}
            aria-label={s.label}
            aria-keyshortcuts={s.keys}
            onClick={() => stores.debug.getState().act(s.action)}
          >
            <span className="max-md:hidden">{s.label}</span>
            <span className="md:hidden" aria-hidden="true">
              {s.short}
            </span>
          </button>
        ))}
      </div>
    );
  // Below `lg` the two live in the header's "⋯" menu.
  return (
    <div className="flex items-center gap-1 max-lg:hidden">
      <button
        type="button"
        className="btn h-8 px-2 xl:px-3"
        title="Debug (F5): run with breakpoints; click the editor's gutter to set one"
        aria-keyshortcuts="F5"
        disabled={running}
        onClick={() => debugOrContinue(stores)}
      >
        {running && mode === "debugging" ? "Debugging…" : "Debug"}
      </button>
      <button
        type="button"
        className="btn h-8 px-2 xl:px-3"
        title="Profile: time per function and line, model and tool waits"
        disabled={running}
        onClick={() => void startProfile(stores)}
      >
        Profile
      </button>
    </div>
  );
}
