import type { Metadata } from "next";
import { LessonEditorPage } from "@/components/learn/LessonEditor";

export const metadata: Metadata = {
  title: "Write a lesson · LLMSpell Playground",
  robots: { index: false },
};

/** Authoring: the draft lesson lives in this browser's localStorage until it is shared as a link. */
export default function LessonEditPage() {
  return <LessonEditorPage />;
}
