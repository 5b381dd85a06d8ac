/**
 * Versioned, validated shapes of everything the playground persists, with their migrations.
 * Bump a codec's `version` when its shape changes and teach `migrate` to lift the older data.
 */
import { DEFAULT_MODEL } from "@/lib/llm/default-model";
import * as z from "zod";
import { SPELL_LANGUAGES } from "@/lib/core/dialect";
import { SANDBOX_PRESETS } from "@/lib/core/sandbox";
import type { VersionedCodec } from "./storage";
import { samplingParamsSchema } from "@/lib/llm/model-params";

const spellLanguageSchema = z.enum(SPELL_LANGUAGES);

const THEMES = ["light", "dark", "system"] as const;
export type ThemeChoice = (typeof THEMES)[number];

const KEYBINDINGS = ["default", "vim"] as const;

const EDITOR_KINDS = ["auto", "monaco", "plain"] as const;

export const FONT_SIZE_MIN = 10;
export const FONT_SIZE_MAX = 28;
/** 64 KiB: the same cap share links and the short-link store use. */
export const MAX_SOURCE_CHARS = 64 * 1024;
export const MAX_HISTORY = 20;

// ---------------------------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------------------------

const settingsSchema = z.object({
  theme: z.enum(THEMES),
  /** `"provider/model"` picked in the header. */
  model: z.string().min(1).max(200),
  /** Send every model call to the mock provider (demos, teaching). */
  mockAll: z.boolean(),
  keybindings: z.enum(KEYBINDINGS),
  fontSize: z.number().int().min(FONT_SIZE_MIN).max(FONT_SIZE_MAX),
  /** Keep the BYOK key in localStorage instead of sessionStorage. */
  rememberKey: z.boolean(),
  /** Which editor: Monaco, a plain textarea, or auto (plain on touch devices). */
  editorKind: z.enum(EDITOR_KINDS),
  /** The security preset every run of this page uses (lib/core/sandbox.ts); embeds may only ask for a tighter one. */
  sandbox: z.enum(SANDBOX_PRESETS),
  /**
   * Temperature, max tokens, top-p and seed for agents that set none of their own (the model settings beside the
   * picker). Optional in the stored blob (older version-3 blobs have none), so no version bump.
   */
  modelParams: samplingParamsSchema.default({}),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  theme: "system",
  model: DEFAULT_MODEL,
  mockAll: false,
  keybindings: "default",
  fontSize: 14,
  rememberKey: false,
  editorKind: "auto",
  sandbox: "standard",
  modelParams: {},
};

/** Version 1 (the first release): `theme: "auto"`, a `vimMode` flag, and no key or editor options. */
const settingsV1Schema = z.object({
  theme: z.enum(["light", "dark", "auto"]),
  model: z.string(),
  vimMode: z.boolean(),
  fontSize: z.number(),
});

/** Version 2: no security preset (every run was `standard`). */
const settingsV2Schema = settingsSchema.omit({ sandbox: true });

function migrateSettings(fromVersion: number, data: unknown): unknown {
  if (fromVersion === 2) return { ...settingsV2Schema.parse(data), sandbox: "standard" } satisfies Settings;
  if (fromVersion === 1) {
    const v1 = settingsV1Schema.parse(data);
    return {
      ...DEFAULT_SETTINGS,
      theme: v1.theme === "auto" ? "system" : v1.theme,
      model: v1.model || DEFAULT_MODEL,
      keybindings: v1.vimMode ? "vim" : "default",
      fontSize: Math.min(FONT_SIZE_MAX, Math.max(FONT_SIZE_MIN, Math.round(v1.fontSize))),
    } satisfies Settings;
  }
  throw new Error(`unknown settings version ${fromVersion}`);
}

export const settingsCodec: VersionedCodec<Settings> = { version: 3, schema: settingsSchema, migrate: migrateSettings };

// ---------------------------------------------------------------------------------------------------------------
// Editor (the spell being written)
// ---------------------------------------------------------------------------------------------------------------

const sourceSchema = z.string().max(MAX_SOURCE_CHARS, `a spell is at most ${MAX_SOURCE_CHARS} characters`);

const historyEntrySchema = z.object({
  language: spellLanguageSchema,
  source: sourceSchema,
  /** ms since epoch */
  savedAt: z.number(),
  /** Why it was put aside, e.g. "before opening a shared link". */
  reason: z.string().max(200),
  /** The spell's ARGS when it was put aside (restored with it). */
  args: z.unknown().optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

const editorSnapshotSchema = z.object({
  language: spellLanguageSchema,
  sources: z.object({ lua: sourceSchema, javascript: sourceSchema }),
  /** Each language's spell's ARGS (the inputs panel, the parameters form, a shared link's args), if any. */
  argsOf: z.object({ lua: z.unknown().optional(), javascript: z.unknown().optional() }),
  history: z.array(historyEntrySchema).max(MAX_HISTORY),
});
export type EditorSnapshot = z.infer<typeof editorSnapshotSchema>;

/** Version 1: one `args` for the editor, whichever language was shown. */
const editorV1Schema = editorSnapshotSchema.omit({ argsOf: true }).extend({ args: z.unknown().optional() });

function migrateEditor(fromVersion: number, data: unknown): unknown {
  if (fromVersion !== 1) throw new Error(`unknown editor version ${fromVersion}`);
  const { args, ...v1 } = editorV1Schema.parse(data);
  return { ...v1, argsOf: args === undefined ? {} : { [v1.language]: args } } satisfies EditorSnapshot;
}

export const editorCodec: VersionedCodec<EditorSnapshot> = {
  version: 2,
  schema: editorSnapshotSchema,
  migrate: migrateEditor,
};
