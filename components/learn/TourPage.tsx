"use client";
/**
 * `/learn/<step>`: the built-in tour. The URL names the step; the tour's store (kept across step pages) follows
 * it, and moving to another step changes the URL. `/learn` alone opens the step the student was last on.
 */
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { currentStep, type LessonStore } from "@/lib/store/lesson";
import { getLearnRuntime, getTourStore, type LearnRuntime } from "@/lib/store/learn";
import { LearnView } from "./LearnView";

function useTour(stepId: string): { store: LessonStore; runtime: LearnRuntime } | null {
  const [ready, setReady] = useState<{ store: LessonStore; runtime: LearnRuntime } | null>(null);
  useEffect(() => {
    // The stores read localStorage and start a worker: client only, after hydration.
    const store = getTourStore();
    store.getState().goTo(stepId);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- one-time client initialisation
    setReady({ store, runtime: getLearnRuntime() });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the step of the first render; later ones below
  }, []);
  return ready;
}

export function TourPage({ stepId }: { stepId: string }) {
  const tour = useTour(stepId);
  const router = useRouter();
  useEffect(() => tour?.store.getState().goTo(stepId), [tour, stepId]);
  if (!tour) return <LearnShell />;
  return <LearnView store={tour.store} runtime={tour.runtime} onNavigate={(id) => router.push(`/learn/${id}`)} />;
}

export function TourIndex() {
  const router = useRouter();
  useEffect(() => {
    router.replace(`/learn/${currentStep(getTourStore().getState()).id}`);
  }, [router]);
  return <LearnShell />;
}

export function LearnShell() {
  return (
    <div className="flex h-dvh flex-col bg-zinc-50 dark:bg-zinc-950" aria-busy="true" data-testid="learn-shell">
      <div className="h-12 border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900" />
      <div className="flex-1 animate-pulse" />
    </div>
  );
}
