"use client";
/**
 * The playground's way into lessons: the tour, and "New lesson" (the current spell becomes step 1). Shown on wide
 * screens only (2xl), where the header has room for them without squeezing the title.
 */
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { JsonValue } from "@/lib/core/json";
import type { PlaygroundStores } from "@/lib/store/playground";
import { startLessonDraft } from "@/lib/store/lesson-draft";
import { getBrowserStorage } from "@/lib/store/storage";

export function LessonButtons({ stores }: { stores: PlaygroundStores }) {
  const router = useRouter();
  const newLesson = () => {
    const { language, sources, args } = stores.editor.getState();
    const { model } = stores.settings.getState();
    startLessonDraft(getBrowserStorage("local"), {
      language,
      source: sources[language],
      ...(model ? { model } : {}),
      ...(args !== undefined ? { args: args as JsonValue } : {}),
    });
    router.push("/lesson/edit");
  };
  return (
    <div className="flex shrink-0 items-center gap-2 max-2xl:hidden">
      <Link href="/learn" className="btn h-8 px-3" title="A tour of spells, step by step, with checks">
        Learn
      </Link>
      <button
        type="button"
        className="btn h-8 px-3"
        onClick={newLesson}
        title="Write a lesson whose first step is this spell"
        data-testid="new-lesson"
      >
        New lesson
      </button>
    </div>
  );
}
