/**
 * The examples gallery: every `examples/<slug>.lua` + `examples/<slug>.js` pair, in menu order.
 * The data comes from `catalog.generated.ts` (see `build-catalog.ts`).
 */
import type { ExampleSpell } from "./example-type";
import { GENERATED_EXAMPLES } from "./catalog.generated";

export type { ExampleSpell } from "./example-type";

export const EXAMPLES: ExampleSpell[] = GENERATED_EXAMPLES;

export function findExample(slug: string): ExampleSpell | undefined {
  return EXAMPLES.find((e) => e.slug === slug);
}

/** Every tag used, most used first, then alphabetically. */
export function listExampleTags(examples: ExampleSpell[] = EXAMPLES): string[] {
  const counts = new Map<string, number>();
  for (const e of examples) for (const t of e.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t);
}

/**
 * Examples matching a free-text query (every word must appear in the title, description, tags or slug) and,
 * when given, carrying every one of `tags`.
 */
export function searchExamples(
  query: string,
  tags: string[] = [],
  examples: ExampleSpell[] = EXAMPLES,
): ExampleSpell[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return examples.filter((e) => {
    if (!tags.every((t) => e.tags.includes(t))) return false;
    const haystack = `${e.title} ${e.description} ${e.tags.join(" ")} ${e.slug} ${e.level}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}
