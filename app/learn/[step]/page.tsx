import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TourPage } from "@/components/learn/TourPage";
import { TOUR } from "@/lib/lesson/tour";

export const dynamicParams = false;

export function generateStaticParams() {
  return TOUR.steps.map((s) => ({ step: s.id }));
}

export async function generateMetadata({ params }: { params: Promise<{ step: string }> }): Promise<Metadata> {
  const { step } = await params;
  const found = TOUR.steps.find((s) => s.id === step);
  return { title: `${found ? found.title : "Learn"} · Learn · LLMSpell Playground` };
}

/** One step of the built-in tour. */
export default async function LearnStepPage({ params }: { params: Promise<{ step: string }> }) {
  const { step } = await params;
  if (!TOUR.steps.some((s) => s.id === step)) notFound();
  return <TourPage stepId={step} />;
}
