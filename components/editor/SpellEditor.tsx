"use client";
/**
 * The spell editor: Monaco, bundled by the app and loaded lazily behind a light placeholder that shows the
 * code at once, or a plain textarea on touch devices (or when chosen in settings). Prop-driven so /embed
 * reuses it.
 */
import dynamic from "next/dynamic";
import { useState, useSyncExternalStore } from "react";
import { CodePlaceholder } from "./CodePlaceholder";
import { PlainEditor } from "./PlainEditor";
import type { SpellEditorProps } from "./types";

export type { SpellEditorProps } from "./types";

// The placeholder with the code is drawn by SpellEditor (it has the props); the lazy chunk shows nothing itself.
const MonacoSpellEditor = dynamic(() => import("./MonacoSpellEditor"), { ssr: false, loading: () => null });

function subscribeTouch(cb: () => void): () => void {
  const mq = window.matchMedia("(hover: none) and (pointer: coarse)");
  mq.addEventListener("change", cb);
  return () => mq.removeEventListener("change", cb);
}
const isTouchOnly = () => window.matchMedia("(hover: none) and (pointer: coarse)").matches;

export function SpellEditor(props: SpellEditorProps) {
  const touch = useSyncExternalStore(subscribeTouch, isTouchOnly, () => false);
  const plain = props.editorKind === "plain" || (props.editorKind !== "monaco" && touch);
  const [monacoReady, setMonacoReady] = useState(false);
  const style = { height: props.height ?? "100%" };
  return (
    <div
      className="relative h-full min-h-0 w-full"
      style={style}
      data-testid="spell-editor"
      data-language={props.language}
    >
      {plain ? (
        <PlainEditor {...props} />
      ) : (
        <>
          {!monacoReady && (
            <div className="absolute inset-0">
              <CodePlaceholder source={props.value} fontSize={props.fontSize} />
            </div>
          )}
          <div className="relative h-full w-full">
            <MonacoSpellEditor {...props} onMounted={() => setMonacoReady(true)} />
          </div>
        </>
      )}
    </div>
  );
}
