/**
 * The front matter every example starts with, the same in both languages, in two lines:
 *
 *   -- title: Hello, world | level: beginner | tags: basics, print | model: mock/echo | order: 1
 *   -- description: One line saying what it shows
 *
 * (`model` is optional; `order` is the position in the menu; one field a line works too.) lib/spell/front-matter.ts
 * reads the block, the same reader `llmspell help` uses; `param:` lines are the spell's parameters
 * (lib/spell/params/spell-params.ts) and are skipped here.
 */
import { z } from "zod";
import { frontMatterFields } from "@/lib/spell/front-matter";

const exampleMetaSchema = z
  .object({
    title: z.string().min(1),
    description: z.string().min(1).max(160, "description must be one line of at most 160 characters"),
    tags: z.array(z.string().regex(/^[a-z0-9-]+$/, "tags are lowercase words joined by -")).min(1),
    level: z.enum(["beginner", "intermediate", "advanced"]),
    model: z.string().optional(),
    order: z.number().int().nonnegative(),
  })
  .strict();

export type ExampleMeta = z.infer<typeof exampleMetaSchema>;

/** Parses the front matter of one file; throws an Error naming the file and the problem. */
export function parseFrontMatter(text: string, language: "lua" | "js", fileName: string): ExampleMeta {
  const raw: Record<string, string> = {};
  for (const { key, value } of frontMatterFields(text, language === "js" ? "javascript" : "lua")) {
    if (Object.hasOwn(raw, key)) throw new Error(`${fileName}: front matter repeats "${key}"`);
    raw[key] = value;
  }
  const candidate: Record<string, unknown> = { ...raw };
  if (raw.tags !== undefined)
    candidate.tags = raw.tags
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean);
  if (raw.order !== undefined) candidate.order = Number(raw.order);
  const parsed = exampleMetaSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${fileName}: front matter ${issue.path.join(".") || ""} ${issue.message}`.replace(/\s+/g, " "));
  }
  return parsed.data;
}
