"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import type { Recording } from "@/lib/recording/schema";
import { describeModelParams } from "@/lib/llm/model-params";
import { LONG_LINK_THRESHOLD, encodeShareLink, type SharedSpell } from "@/lib/share/link";
import { whyNotShareable, withRecordings } from "@/lib/share/shared-recordings";
import { buildEmbedSnippet, buildEmbedUrl, type EmbedTheme } from "@/lib/share/embed";
import { useReturnFocus } from "@/components/ui/Dialog";
import { CopyField } from "./CopyField";
import { createShortLink, type ShortLinkResult } from "./short-link-client";

export interface ShareDialogProps {
  open: boolean;
  onClose(): void;
  spell: SharedSpell;
  /** Recorded runs the link may carry: the last run's, or a comparison's two. */
  recordings?: readonly Recording[];
  /** Carry them unless the user unticks the box (a comparison is shared with its runs). */
  includeByDefault?: boolean;
}

type LinkState =
  | { status: "encoding" }
  | { status: "ready"; fragment: string; key: string }
  | { status: "error"; message: string; key: string };
type ShortState =
  | { status: "idle" }
  | { status: "creating" }
  | ({ status: "ready"; forFragment: string } & ShortLinkResult)
  | { status: "error"; message: string };

/**
 * "Share this spell": the link (the spell lives in the fragment, so the server never sees it), its length and a
 * copy button; a short link when the link is long; and the iframe snippet for embedding it in a lesson.
 */
export function ShareDialog({
  open,
  onClose,
  spell: bare,
  recordings = [],
  includeByDefault = false,
}: ShareDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [include, setInclude] = useState(includeByDefault);
  const notShareable = whyNotShareable(recordings, bare);
  const carried = include && !notShareable;
  const spell = useMemo(() => (carried ? withRecordings(bare, recordings) : bare), [carried, bare, recordings]);
  const [encoded, setEncoded] = useState<LinkState>({ status: "encoding" });
  const [short, setShort] = useState<ShortState>({ status: "idle" });
  const [embed, setEmbed] = useState<{ autorun: boolean; readonly: boolean; theme: EmbedTheme }>({
    autorun: false,
    readonly: false,
    theme: "system",
  });
  const origin = open && typeof window !== "undefined" ? window.location.origin : "";

  // Before the effect that opens the dialog moves focus into it.
  useReturnFocus();
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === "function") dialog.showModal();
      else dialog.setAttribute("open", "");
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  const { language, source, model, args, recordings: carriedRuns, modelParams } = spell;
  const spellKey = useMemo(
    () => JSON.stringify([language, source, model ?? null, args ?? null, carriedRuns ?? null, modelParams ?? null]),
    [language, source, model, args, carriedRuns, modelParams],
  );
  const settingsText = modelParams ? describeModelParams(modelParams) : "";
  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    encodeShareLink({
      language,
      source,
      ...(model ? { model } : {}),
      ...(args !== undefined ? { args } : {}),
      ...(carriedRuns ? { recordings: carriedRuns } : {}),
      ...(modelParams ? { modelParams } : {}),
    }).then(
      (fragment) => !cancelled && setEncoded({ status: "ready", fragment, key: spellKey }),
      (error: unknown) =>
        !cancelled &&
        setEncoded({ status: "error", message: error instanceof Error ? error.message : String(error), key: spellKey }),
    );
    return () => {
      cancelled = true;
    };
  }, [open, language, source, model, args, carriedRuns, modelParams, spellKey]);
  // A result for an older version of the spell counts as still encoding.
  const link: LinkState = encoded.status !== "encoding" && encoded.key === spellKey ? encoded : { status: "encoding" };

  const fullLink = link.status === "ready" ? `${origin}/${link.fragment}` : "";
  const isLong = fullLink.length > LONG_LINK_THRESHOLD;
  const shortReady =
    short.status === "ready" && link.status === "ready" && short.forFragment === link.fragment ? short : undefined;

  async function onCreateShortLink() {
    if (link.status !== "ready") return;
    const fragment = link.fragment;
    setShort({ status: "creating" });
    try {
      const result = await createShortLink(spell, origin);
      setShort({ status: "ready", forFragment: fragment, ...result });
    } catch (error) {
      setShort({ status: "error", message: error instanceof Error ? error.message : String(error) });
    }
  }

  const embedUrl =
    link.status !== "ready"
      ? ""
      : buildEmbedUrl(origin, shortReady ? { shortId: shortReady.id } : { fragment: link.fragment }, {
          autorun: embed.autorun,
          readonly: embed.readonly,
          theme: embed.theme,
        });

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby="share-dialog-title"
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        if (e.target === dialogRef.current) onClose();
      }}
      className="m-auto w-[min(40rem,calc(100vw-2rem))] rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-2xl backdrop:bg-zinc-950/50 backdrop:backdrop-blur-sm dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-100"
      data-testid="share-dialog"
    >
      {open ? (
        <div className="flex flex-col gap-5 p-5">
          <header className="flex items-start justify-between gap-4">
            <div>
              <h2 id="share-dialog-title" className="text-base font-semibold">
                Share this spell
              </h2>
              <p className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">
                The spell travels inside the link itself: anyone who opens it gets{" "}
                {whatTravels(language, model, settingsText)}.
              </p>
            </div>
            <button
              type="button"
              onClick={onClose}
              aria-label="Close share dialog"
              className="rounded-md p-1 text-zinc-500 dark:text-zinc-400 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-violet-500 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
            >
              <svg
                aria-hidden="true"
                viewBox="0 0 20 20"
                className="h-5 w-5"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.8"
              >
                <path d="M5 5l10 10M15 5L5 15" strokeLinecap="round" />
              </svg>
            </button>
          </header>

          <RecordingChoice
            count={recordings.length}
            include={include}
            onInclude={setInclude}
            problem={recordings.length > 0 ? notShareable : undefined}
          />

          {link.status === "encoding" ? (
            <p className="text-sm text-zinc-500 dark:text-zinc-400">Making the link…</p>
          ) : link.status === "error" ? (
            <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
              {link.message}
            </p>
          ) : (
            <>
              <CopyField
                label="Link"
                value={fullLink}
                testId="share-link"
                hint={
                  <span data-testid="share-link-length">
                    {fullLink.length.toLocaleString("en-US")} characters
                    {isLong ? " — long: some chat apps cut links over 2,000 characters." : ""}
                  </span>
                }
              />

              {isLong ? (
                <section className="flex flex-col gap-2 rounded-lg border border-amber-300 bg-amber-50 p-3 dark:border-amber-800 dark:bg-amber-950/40">
                  {shortReady ? (
                    <CopyField
                      label="Short link"
                      value={shortReady.url}
                      testId="share-short-link"
                      hint="Stored on this server by its content: the same spell always gets the same short link."
                    />
                  ) : (
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <p className="text-xs text-amber-900 dark:text-amber-200">
                        A short link stores the spell on this server and is safe to paste anywhere.
                      </p>
                      <button
                        type="button"
                        onClick={onCreateShortLink}
                        disabled={short.status === "creating"}
                        className="rounded-md bg-amber-600 px-3 py-1.5 text-xs font-medium text-white hover:bg-amber-500 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-500"
                      >
                        {short.status === "creating" ? "Creating…" : "Create short link"}
                      </button>
                    </div>
                  )}
                  {short.status === "error" ? (
                    <p role="alert" className="text-xs text-red-700 dark:text-red-300">
                      {short.message}
                    </p>
                  ) : null}
                </section>
              ) : null}

              <section className="flex flex-col gap-2 border-t border-zinc-200 pt-4 dark:border-zinc-800">
                <h3 className="text-sm font-medium">Embed in a page</h3>
                <div className="flex flex-wrap items-center gap-4 text-xs text-zinc-700 dark:text-zinc-300">
                  <label className="flex items-center gap-1.5">
                    <input
                      type="checkbox"
                      checked={embed.autorun}
                      onChange={(e) => setEmbed((s) => ({ ...s, autorun: e.target.checked }))}
                      className="accent-violet-600"
                    />
                    Run on load
                  </label>
                  <label className="flex items-center gap-1.5">
                    <input
                      type="checkbox"
                      checked={embed.readonly}
                      onChange={(e) => setEmbed((s) => ({ ...s, readonly: e.target.checked }))}
                      className="accent-violet-600"
                    />
                    Read-only
                  </label>
                  <label className="flex items-center gap-1.5">
                    Theme
                    <select
                      value={embed.theme}
                      onChange={(e) => setEmbed((s) => ({ ...s, theme: e.target.value as EmbedTheme }))}
                      className="rounded border border-zinc-300 bg-white px-1 py-0.5 dark:border-zinc-700 dark:bg-zinc-900"
                    >
                      <option value="system">System</option>
                      <option value="light">Light</option>
                      <option value="dark">Dark</option>
                    </select>
                  </label>
                  <a
                    href={embedUrl}
                    target="_blank"
                    rel="noreferrer"
                    className="ml-auto text-violet-700 underline-offset-2 hover:underline dark:text-violet-400"
                  >
                    Preview embed
                  </a>
                </div>
                <CopyField
                  label="Embed snippet"
                  value={buildEmbedSnippet(embedUrl)}
                  multiline
                  testId="share-embed-snippet"
                />
              </section>
            </>
          )}
        </div>
      ) : null}
    </dialog>
  );
}

/** "this Lua source, the model mock/echo and the model settings temperature 0.2, seed 7". */
function whatTravels(language: SharedSpell["language"], model: string | undefined, settings: string): string {
  const parts = [`this ${language === "lua" ? "Lua" : "JavaScript"} source`];
  if (model) parts.push(`the model ${model}`);
  if (settings) parts.push(`the model settings ${settings}`);
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

/** "Include the recorded run": anyone who opens the link sees its output and can replay it with no key. */
function RecordingChoice({
  count,
  include,
  onInclude,
  problem,
}: {
  count: number;
  include: boolean;
  onInclude(include: boolean): void;
  problem: string | undefined;
}) {
  if (count === 0) return null;
  return (
    <div className="flex flex-col gap-1 text-xs text-zinc-700 dark:text-zinc-300">
      <label className="flex items-center gap-1.5">
        <input
          type="checkbox"
          checked={include && !problem}
          disabled={Boolean(problem)}
          onChange={(e) => onInclude(e.target.checked)}
          className="accent-violet-600"
          data-testid="share-include-recording"
        />
        {count === 1 ? "Include the recorded run" : `Include both recorded runs`}
        <span className="text-zinc-500 dark:text-zinc-400">
          — it opens with the output and trace, and replays with no key and no network.
        </span>
      </label>
      {include && problem ? (
        <p role="alert" className="text-amber-800 dark:text-amber-300" data-testid="share-recording-problem">
          {problem}
        </p>
      ) : problem ? (
        <p className="text-zinc-500 dark:text-zinc-400" data-testid="share-recording-problem">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
