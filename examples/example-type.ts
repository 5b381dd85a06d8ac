/** One example spell in both languages, as the examples menu and the docs show it. */
export interface ExampleSpell {
  slug: string;
  title: string;
  description: string;
  tags: string[];
  level: "beginner" | "intermediate" | "advanced";
  /** The model the example is written for (always a mock model, so it runs with no key). */
  model?: string;
  lua: string;
  js: string;
}
