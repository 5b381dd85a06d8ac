"use client";
/**
 * `/lesson#v1/<payload>`: a lesson from a link, the step in `?step=<id>`. A bad link shows what is wrong (in
 * the words of `decodeLessonLink`) and leaves the page working, with the way to the tour.
 */
import Link from "next/link";
import { useEffect, useState } from "react";
import { useStore } from "zustand";
import { decodeLessonLink } from "@/lib/lesson/link";
import { createSharedLessonStore, getLearnRuntime } from "@/lib/store/learn";
import { currentSource, currentStep, type LessonStore } from "@/lib/store/lesson";
import { encodeShareLink } from "@/lib/share/link";
import { LearnShell } from "./TourPage";
import { LearnView } from "./LearnView";
import { CopyField } from "@/components/share/CopyField";

type Loaded = { status: "loading" } | { status: "ready"; store: LessonStore } | { status: "failed"; message: string };

export function SharedLessonPage() {
  const [loaded, setLoaded] = useState<Loaded>({ status: "loading" });
  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      const step = new URLSearchParams(window.location.search).get("step") ?? undefined;
      try {
        const lesson = await decodeLessonLink(window.location.hash);
        if (!cancelled) setLoaded({ status: "ready", store: createSharedLessonStore(lesson, step) });
      } catch (e) {
        if (!cancelled) setLoaded({ status: "failed", message: (e as Error).message });
      }
    };
    void load();
    window.addEventListener("hashchange", load);
    return () => {
      cancelled = true;
      window.removeEventListener("hashchange", load);
    };
  }, []);

  if (loaded.status === "loading") return <LearnShell />;
  if (loaded.status === "failed") {
    return (
      <main className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center gap-4 p-6" data-testid="lesson-problem">
        <h1 className="text-xl font-semibold">This lesson link cannot be opened</h1>
        <p
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800 dark:border-red-500/30 dark:bg-red-500/10 dark:text-red-200"
        >
          {loaded.message}
        </p>
        <p className="text-sm">
          Ask for a new link, or take the{" "}
          <Link href="/learn" className="link">
            built-in tour
          </Link>
          , or go to the{" "}
          <Link href="/" className="link">
            playground
          </Link>
          .
        </p>
      </main>
    );
  }
  return <SharedLesson store={loaded.store} />;
}

function SharedLesson({ store }: { store: LessonStore }) {
  const runtime = getLearnRuntime();
  const stepId = useStore(store, (s) => currentStep(s).id);
  useEffect(() => {
    const url = new URL(window.location.href);
    url.searchParams.set("step", stepId);
    window.history.replaceState(null, "", url);
  }, [stepId]);
  return (
    <LearnView
      store={store}
      runtime={runtime}
      onNavigate={(id) => store.getState().goTo(id)}
      actions={<EmbedStep store={store} />}
    />
  );
}

/** The open step's spell as an `/embed` link (with the step's model and args). */
function EmbedStep({ store }: { store: LessonStore }) {
  const [link, setLink] = useState<string | null>(null);
  const make = async () => {
    const s = store.getState();
    const step = currentStep(s);
    const fragment = await encodeShareLink({
      language: s.language,
      source: currentSource(s),
      ...(step.model ? { model: step.model } : {}),
      ...(step.args !== undefined ? { args: step.args } : {}),
    });
    setLink(link ? null : `${window.location.origin}/embed${fragment}`);
  };
  return (
    <div className="relative">
      <button type="button" className="btn h-8 px-3 max-sm:hidden" onClick={() => void make()}>
        Embed step
      </button>
      {link && (
        <div className="absolute right-0 z-40 mt-2 w-80 rounded-md border border-zinc-200 bg-white p-3 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
          <CopyField label="Embed this step (an iframe's src)" value={link} testId="embed-step-link" />
        </div>
      )}
    </div>
  );
}
