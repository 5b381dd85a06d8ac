import type { Metadata } from "next";
import { TourIndex } from "@/components/learn/TourPage";

export const metadata: Metadata = {
  title: "Learn · LLMSpell Playground",
  description:
    "A tour of spells in Lua and JavaScript: agents, tools, workflows, hooks, events and state, with checks.",
};

/** Opens the step the student was last on (the first one on a first visit). */
export default function LearnIndexPage() {
  return <TourIndex />;
}
