/**
 * Where the editor's completions come from: the one spell API reference, its generated `.d.ts`, and the
 * built-in tools' names. Loaded lazily (its own chunk) the first time the editor needs them.
 */
import type { SpellApiReference } from "@/lib/spell/reference-types";

export async function loadSpellApiReference(): Promise<SpellApiReference> {
  const { SPELL_API_REFERENCE } = await import("@/lib/spell/reference");
  return SPELL_API_REFERENCE;
}

export async function loadSpellApiDts(): Promise<string> {
  const { renderSpellApiDts } = await import("@/lib/spell/dts");
  const { SPELL_API_REFERENCE } = await import("@/lib/spell/reference");
  return renderSpellApiDts(SPELL_API_REFERENCE, { dynamicJson: true });
}

export async function loadToolNames(): Promise<string[]> {
  const { listTools } = await import("@/lib/tools");
  return listTools().map((t) => t.name);
}
