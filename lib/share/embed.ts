/**
 * The `/embed` page's query parameters, and the iframe snippet the share dialog hands out.
 *
 *   /embed?autorun&theme=dark&readonly&height=320#v1/lua/<payload>
 *   /embed?s=<short id>&autorun&sandbox=strict
 *
 * Bad values never break the page: each falls back to its default and is reported in `problems`.
 */
import { parseSandboxPreset, tighterSandbox, type SandboxPreset } from "@/lib/core/sandbox";

export type EmbedTheme = "light" | "dark" | "system";

export interface EmbedOptions {
  /** Run the spell as soon as the page is ready. */
  autorun: boolean;
  theme: EmbedTheme;
  /** Show the source but do not let the reader edit it. */
  readonly: boolean;
  /** Show the editor at all (`editor=0` shows only Run/Stop and the output). */
  showEditor: boolean;
  /** Height of the editor in CSS pixels. */
  height?: number;
  /** A short-link id to load instead of the fragment. */
  shortId?: string;
  /** The security preset the embedding page asks for; never looser than the browser's own (see {@link embedSandbox}). */
  sandbox?: SandboxPreset;
}

export const EMBED_DEFAULTS: EmbedOptions = { autorun: false, theme: "system", readonly: false, showEditor: true };
const EMBED_MIN_HEIGHT = 80;
const EMBED_MAX_HEIGHT = 2000;
export const SHORT_ID_PATTERN = /^[A-Za-z0-9_-]{11}$/;

function parseFlag(name: string, value: string | null, problems: string[]): boolean | undefined {
  if (value === null) return undefined;
  const v = value.trim().toLowerCase();
  if (v === "" || v === "1" || v === "true" || v === "yes" || v === "on") return true;
  if (v === "0" || v === "false" || v === "no" || v === "off") return false;
  problems.push(`?${name}=${value} is not a yes/no value (use ?${name} or ?${name}=0)`);
  return undefined;
}

export function parseEmbedParams(search: URLSearchParams | string): { options: EmbedOptions; problems: string[] } {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  const problems: string[] = [];
  const options: EmbedOptions = { ...EMBED_DEFAULTS };

  options.autorun = parseFlag("autorun", params.get("autorun"), problems) ?? options.autorun;
  options.readonly = parseFlag("readonly", params.get("readonly"), problems) ?? options.readonly;
  options.showEditor = parseFlag("editor", params.get("editor"), problems) ?? options.showEditor;

  const theme = params.get("theme");
  if (theme !== null) {
    if (theme === "light" || theme === "dark" || theme === "system") options.theme = theme;
    else problems.push(`?theme=${theme} is not light, dark or system`);
  }

  const height = params.get("height");
  if (height !== null) {
    const n = Number(height.replace(/px$/, ""));
    if (Number.isFinite(n) && n >= EMBED_MIN_HEIGHT && n <= EMBED_MAX_HEIGHT) options.height = Math.round(n);
    else problems.push(`?height=${height} must be a number of pixels from ${EMBED_MIN_HEIGHT} to ${EMBED_MAX_HEIGHT}`);
  }

  const sandbox = params.get("sandbox");
  if (sandbox !== null) {
    const parsed = parseSandboxPreset(sandbox);
    if (parsed.ok) options.sandbox = parsed.preset;
    else problems.push(`?sandbox=${sandbox}: ${parsed.message}`);
  }

  const shortId = params.get("s");
  if (shortId !== null) {
    if (SHORT_ID_PATTERN.test(shortId)) options.shortId = shortId;
    else problems.push(`?s=${shortId} is not a short-link id (11 letters, digits, - or _)`);
  }
  return { options, problems };
}

/**
 * The preset an embed runs under: the one it asks for, but never looser than `floor` (the preset this browser's
 * playground Settings chose), with a note when the request was tightened.
 */
export function embedSandbox(
  floor: SandboxPreset,
  requested: SandboxPreset | undefined,
): { sandbox: SandboxPreset; problem?: string } {
  const sandbox = tighterSandbox(floor, requested);
  if (requested !== undefined && sandbox !== requested)
    return {
      sandbox,
      problem: `?sandbox=${requested} is looser than this browser's ${floor} preset, so ${floor} applies`,
    };
  return { sandbox };
}

/** The `/embed` URL for a share fragment (`#v1/...`) or a short id, with only the non-default options. */
export function buildEmbedUrl(
  origin: string,
  spell: { fragment: string } | { shortId: string },
  options: Partial<EmbedOptions> = {},
): string {
  const params: string[] = [];
  if ("shortId" in spell) params.push(`s=${encodeURIComponent(spell.shortId)}`);
  if (options.autorun) params.push("autorun");
  if (options.readonly) params.push("readonly");
  if (options.showEditor === false) params.push("editor=0");
  if (options.theme && options.theme !== "system") params.push(`theme=${options.theme}`);
  if (options.height !== undefined) params.push(`height=${Math.round(options.height)}`);
  if (options.sandbox && options.sandbox !== "standard") params.push(`sandbox=${options.sandbox}`);
  const query = params.length ? `?${params.join("&")}` : "";
  const hash = "fragment" in spell ? (spell.fragment.startsWith("#") ? spell.fragment : `#${spell.fragment}`) : "";
  return `${origin.replace(/\/$/, "")}/embed${query}${hash}`;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The HTML to paste into a lesson: an iframe of `/embed`, tall enough for the editor and the output. */
export function buildEmbedSnippet(embedUrl: string, options: { height?: number; title?: string } = {}): string {
  const frameHeight = (options.height ?? 240) + 200;
  const title = options.title ?? "LLMSpell spell";
  return `<iframe src="${escapeAttribute(embedUrl)}" title="${escapeAttribute(title)}" width="100%" height="${frameHeight}" style="border:1px solid #d4d4d8;border-radius:8px" loading="lazy" allow="clipboard-write"></iframe>`;
}
