/**
 * The front-matter comment every example starts with, the same in both languages:
 *
 *   -- title: Hello, world                      // title: Hello, world
 *   -- description: One line saying what it shows
 *   -- tags: basics, print
 *   -- level: beginner
 *   -- model: mock/echo                         (optional)
 *   -- order: 1                                 (position in the menu)
 *
 * The block is the run of `-- key: value` (Lua) or `// key: value` (JavaScript) lines at the top of the file.
 * `param:` lines declare the spell's parameters; lib/spell/params/spell-params.ts reads those, so they are
 * skipped here.
 */
import { z } from "zod";

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

const LINE = { lua: /^--\s*([a-z]+):\s*(.*?)\s*$/, js: /^\/\/\s*([a-z]+):\s*(.*?)\s*$/ } as const;

/** Parses the front matter of one file; throws an Error naming the file and the problem. */
export function parseFrontMatter(text: string, language: "lua" | "js", fileName: string): ExampleMeta {
  const raw: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const match = LINE[language].exec(line);
    if (!match) break;
    if (match[1] === "param") continue;
    if (Object.hasOwn(raw, match[1])) throw new Error(`${fileName}: front matter repeats "${match[1]}"`);
    raw[match[1]] = match[2];
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
