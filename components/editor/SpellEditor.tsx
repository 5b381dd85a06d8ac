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
import type { Diagnostic } from "@/lib/check";
import { canCheck } from "@/lib/check/languages";
import { mergeDiagnostics } from "@/lib/check/type-check";
import { ProblemsBar } from "./ProblemsBar";
import type { SpellEditorProps } from "./types";
import { useSpellDiagnostics } from "./use-spell-diagnostics";

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
  // Only a language the checker reads gets markers and a Problems bar (an empty bar would claim "no problems").
  const checking = props.check !== false && !props.readOnly && canCheck(props.language);
  const checked = useSpellDiagnostics(props.value, props.language, checking, props.models);
  // Monaco's TypeScript worker adds its semantic checks of a JavaScript spell; the checker's win where both speak.
  const [typeDiagnostics, setTypeDiagnostics] = useState<Diagnostic[]>([]);
  const diagnostics =
    checking && !plain && props.language === "javascript" ? mergeDiagnostics(checked, typeDiagnostics) : checked;
  // A row picked in the Problems list moves the cursor like an outside `focusLine` does; the newer one wins
  // (a new outside `focusLine` clears the pick, as React's "adjust state when a prop changes" pattern does).
  const [picked, setPicked] = useState<{ line: number; nonce: number } | null>(null);
  const [outside, setOutside] = useState(props.focusLine);
  if (outside !== props.focusLine) {
    setOutside(props.focusLine);
    setPicked(null);
  }
  const focusLine = picked ?? props.focusLine ?? null;
  const editorProps = { ...props, diagnostics, focusLine };
  const style = { height: props.height ?? "100%" };
  return (
    <div
      className="relative flex h-full min-h-0 w-full flex-col"
      style={style}
      data-testid="spell-editor"
      data-language={props.language}
    >
      <div className="relative min-h-0 flex-1">
        {plain ? (
          <PlainEditor {...editorProps} />
        ) : (
          <>
            {!monacoReady && (
              <div className="absolute inset-0">
                <CodePlaceholder source={props.value} fontSize={props.fontSize} />
              </div>
            )}
            <div className="relative h-full w-full">
              <MonacoSpellEditor
                {...editorProps}
                onMounted={() => setMonacoReady(true)}
                onTypeDiagnostics={checking ? setTypeDiagnostics : undefined}
              />
            </div>
          </>
        )}
      </div>
      {checking && (
        <ProblemsBar
          diagnostics={diagnostics}
          onPick={(line) => setPicked((p) => ({ line, nonce: (p?.nonce ?? 0) + 1 }))}
        />
      )}
    </div>
  );
}
