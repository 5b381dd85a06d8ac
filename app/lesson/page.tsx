import type { Metadata } from "next";
import { SharedLessonPage } from "@/components/learn/SharedLessonPage";

export const metadata: Metadata = {
  title: "Lesson · LLMSpell Playground",
  robots: { index: false },
};

/** A lesson from a link; the lesson is in the URL fragment, so the page itself is static. */
export default function LessonPage() {
  return <SharedLessonPage />;
}
