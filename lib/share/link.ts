/**
 * Share links: a spell in the URL fragment, `#v1/<lang>/<payload>`, so the server never sees it.
 *
 * `<lang>` is `lua` or `js`. `<payload>` is base64url (no padding) of the deflate-raw compression
 * (`CompressionStream`) of the UTF-8 text `<header JSON>\n<source>`, where the header holds the optional model
 * (`m`) and args (`a`). Keeping the source out of the JSON lets deflate see it as it is (no escaping).
 *
 * Versions. A link is written with the lowest version whose reader understands every field it carries, so a build
 * too old for a field says the link is from a newer version instead of dropping the field or calling it damaged:
 * - v1: `m` and `a` (a spell alone);
 * - v2: also `r`, the recorded runs (a list of one or two);
 * - v3: also `p`, the model settings (temperature, max tokens, top-p, seed: only those set; with or without `r`).
 * Links without `r` or `p` stay v1 (and with `r` alone v2), byte for byte as before. This build reads v1 to v3;
 * `p` in a link below v3 is a damaged header, as it is to the readers of those versions. `p` is checked against
 * the settings' own bounds: a value out of range is an `invalid` link naming the setting, never clamped.
 *
 * `decodeShareLink` only ever fails with a {@link ShareLinkError} whose message says what is wrong, in words a
 * person who pasted a link can act on.
 */
import type { SpellLanguage } from "@/lib/core/dialect";
import * as z from "zod";
import { Base64Error, decodeBase64, encodeBase64 } from "@/lib/encoding/base64";
import { PayloadTooLargeError, deflateRaw, inflateRaw } from "@/lib/encoding/deflate";
import { SAMPLING_PARAM_KEYS, samplingParamsSchema } from "@/lib/llm/model-params";
import type { SamplingParams } from "@/lib/llm/types";
import {
  MAX_ARGS_BYTES,
  MAX_RECORDINGS_BYTES,
  MAX_SHARED_RECORDINGS,
  MAX_SOURCE_BYTES,
  checkSharedSpell,
  findSizeProblem,
  pickSetModelParams,
  sharedSpellSchema,
  type SharedSpell,
} from "./shared-spell";

export type { SharedSpell } from "./shared-spell";
export { MAX_SOURCE_BYTES } from "./shared-spell";

/** The newest link format this build reads; it writes v1 for a spell alone, v2 with recorded runs, v3 with settings. */
const SHARE_LINK_VERSION = 3;
const RECORDINGS_LINK_VERSION = 2;
const MODEL_PARAMS_LINK_VERSION = 3;

/** Link length above which the share dialog offers a short link (chat apps cut longer ones). */
export const LONG_LINK_THRESHOLD = 2000;

export type ShareLinkProblem =
  "not_a_link" | "future_version" | "incomplete" | "unknown_language" | "damaged" | "too_large" | "invalid";

/** The only error `decodeShareLink` throws. `problem` is stable for code; `message` is for people. */
export class ShareLinkError extends Error {
  constructor(
    readonly problem: ShareLinkProblem,
    message: string,
  ) {
    super(message);
    this.name = "ShareLinkError";
  }
}

const LANG_TO_CODE: Record<SpellLanguage, string> = { lua: "lua", javascript: "js" };
const CODE_TO_LANG: Record<string, SpellLanguage> = { lua: "lua", js: "javascript", javascript: "javascript" };

/**
 * Largest decompressed payload accepted: the source, args and recordings caps plus room for the rest of the header
 * (a model of at most 200 characters, and the four settings in under 100).
 */
const MAX_PAYLOAD_BYTES = MAX_SOURCE_BYTES + MAX_ARGS_BYTES + MAX_RECORDINGS_BYTES + 1024;

/**
 * `a` (the args) is checked with the whole spell by checkSharedSpell, which keeps it exactly as parsed; each of `r`
 * (the recorded runs) is read when it is opened (./shared-recordings.ts), so a bad recording never loses the spell;
 * `p` (the model settings) is checked by {@link readModelParams}, to name the setting that is out of range.
 */
const headerSchema = z
  .object({
    m: z.string().optional(),
    a: z.unknown().optional(),
    r: z.array(z.unknown()).min(1).max(MAX_SHARED_RECORDINGS).optional(),
    p: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

/** True when a URL fragment looks like a share link (`#v<digits>/...`), whatever its version. */
export function isShareFragment(fragment: string): boolean {
  return /^#?v\d+(\/|$)/.test(fragment.trim());
}

/**
 * Encodes a spell as a URL fragment `#v<N>/<lang>/<payload>` (N as the first comment says). Throws ShareLinkError
 * when it is too large or not valid.
 */
export async function encodeShareLink(spell: SharedSpell): Promise<string> {
  const parsed = sharedSpellSchema.safeParse(spell);
  if (!parsed.success)
    throw new ShareLinkError("invalid", `Cannot share this spell: ${describeZodError(parsed.error)}`);
  const sizeProblem = findSizeProblem(spell);
  if (sizeProblem) throw new ShareLinkError("too_large", `Cannot share this spell: ${sizeProblem}.`);
  const header: { m?: string; a?: unknown; r?: unknown[]; p?: SamplingParams } = {};
  if (spell.model !== undefined) header.m = spell.model;
  if (spell.args !== undefined && spell.args !== null) header.a = spell.args;
  if (spell.recordings?.length) header.r = spell.recordings;
  const modelParams = pickSetModelParams(spell.modelParams);
  if (modelParams) header.p = modelParams;
  const text = `${JSON.stringify(header)}\n${spell.source}`;
  const compressed = await deflateRaw(new TextEncoder().encode(text));
  const version = header.p ? MODEL_PARAMS_LINK_VERSION : header.r ? RECORDINGS_LINK_VERSION : 1;
  return `#v${version}/${LANG_TO_CODE[spell.language]}/${encodeBase64(compressed, { alphabet: "url", pad: false })}`;
}

/** Decodes a fragment made by {@link encodeShareLink} (with or without the leading `#`). */
export async function decodeShareLink(fragment: string): Promise<SharedSpell> {
  if (typeof fragment !== "string") throw new ShareLinkError("not_a_link", "A share link must be text.");
  const text = stripFragment(fragment);
  if (text === "") throw new ShareLinkError("not_a_link", "The link holds no spell (the part after # is empty).");

  const version = /^v(\d+)(?:\/|$)/.exec(text);
  if (!version) {
    throw new ShareLinkError(
      "not_a_link",
      "This is not a spell link: the part after # should start with v1/ (like #v1/lua/…).",
    );
  }
  const versionNumber = Number(version[1]);
  if (versionNumber > SHARE_LINK_VERSION) {
    throw new ShareLinkError(
      "future_version",
      `This link was made by a newer version of the playground (format v${version[1]}); this one reads v${SHARE_LINK_VERSION} links. Open it where it was made, or ask for a new link.`,
    );
  }
  if (!(versionNumber >= 1) || version[1] !== String(versionNumber)) {
    throw new ShareLinkError("not_a_link", `This link has an unknown format version (v${version[1]}).`);
  }

  const parts = text.split("/");
  const langCode = parts[1];
  const payload = parts.slice(2).join("/");
  if (langCode === undefined || langCode === "") {
    throw new ShareLinkError(
      "incomplete",
      "The link is incomplete: it names no language (was it cut off when copied?).",
    );
  }
  const language = Object.hasOwn(CODE_TO_LANG, langCode) ? CODE_TO_LANG[langCode] : undefined;
  if (!language) {
    throw new ShareLinkError(
      "unknown_language",
      `The link names an unknown language "${truncateForMessage(langCode)}"; expected lua or js.`,
    );
  }
  if (parts.length < 3 || payload === "") {
    throw new ShareLinkError(
      "incomplete",
      "The link is incomplete: the spell's data is missing (was it cut off when copied?).",
    );
  }

  let compressed: Uint8Array;
  try {
    compressed = decodeBase64(payload, { alphabet: "url", pad: false });
  } catch (error) {
    const detail = error instanceof Base64Error ? error.message : "it is not base64url";
    throw new ShareLinkError("damaged", `The link is damaged: ${detail}.`);
  }

  let bytes: Uint8Array;
  try {
    bytes = await inflateRaw(compressed, MAX_PAYLOAD_BYTES);
  } catch (error) {
    if (error instanceof PayloadTooLargeError) {
      throw new ShareLinkError(
        "too_large",
        `The link's spell is larger than ${MAX_PAYLOAD_BYTES} bytes; the limit is 64 KiB of source and 256 KiB of recorded runs.`,
      );
    }
    throw new ShareLinkError(
      "damaged",
      "The link is truncated or damaged: its data does not decompress (was it cut off when copied?).",
    );
  }

  let decoded: string;
  try {
    decoded = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new ShareLinkError("damaged", "The link is damaged: its data is not UTF-8 text.");
  }
  const newline = decoded.indexOf("\n");
  if (newline < 0) throw new ShareLinkError("damaged", "The link is damaged: its data has no header line.");

  let header: z.infer<typeof headerSchema>;
  try {
    const parsedHeader = headerSchema.safeParse(JSON.parse(decoded.slice(0, newline)));
    if (!parsedHeader.success) throw new Error("bad header");
    header = parsedHeader.data;
    if (header.p !== undefined && versionNumber < MODEL_PARAMS_LINK_VERSION) throw new Error("p before v3");
  } catch {
    throw new ShareLinkError("damaged", "The link is damaged: its header is not valid.");
  }
  const modelParams = header.p === undefined ? undefined : readModelParams(header.p);

  const candidate: Record<string, unknown> = { language, source: decoded.slice(newline + 1) };
  if (header.m !== undefined) candidate.model = header.m;
  if (header.a !== undefined && header.a !== null) candidate.args = header.a;
  const checked = checkSharedSpell(candidate);
  if (!checked.success)
    throw new ShareLinkError("invalid", `The link's spell is not valid: ${describeZodError(checked.error)}`);
  const spell = checked.data;
  const sizeProblem = findSizeProblem(spell);
  if (sizeProblem) throw new ShareLinkError("too_large", `The link's spell is too large: ${sizeProblem}.`);
  // The recorded runs as they are: readSharedRecordings checks them (and their size) when they are opened.
  if (header.r) spell.recordings = header.r as SharedSpell["recordings"];
  if (modelParams) spell.modelParams = modelParams;
  return spell;
}

/** The link's model settings (`p`), checked against the settings' bounds; undefined when none is set. */
function readModelParams(value: unknown): SamplingParams | undefined {
  const parsed = samplingParamsSchema.safeParse(value);
  if (parsed.success) return pickSetModelParams(parsed.data);
  const issue = parsed.error.issues[0];
  const detail =
    issue?.code === "unrecognized_keys"
      ? `it names an unknown setting "${truncateForMessage(String(issue.keys[0]))}" (known: ${SAMPLING_PARAM_KEYS.join(", ")})`
      : (issue?.message ?? "they are not valid");
  throw new ShareLinkError("invalid", `The link's model settings are not valid: ${detail}.`);
}

function stripFragment(fragment: string): string {
  let text = fragment.trim();
  // Accept a whole URL pasted in: take what follows the first '#'.
  const hash = text.indexOf("#");
  if (hash >= 0) text = text.slice(hash + 1);
  return text;
}

function truncateForMessage(text: string): string {
  return text.length > 20 ? `${text.slice(0, 20)}…` : text;
}

export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid";
  const path = issue.path.length ? `${issue.path.join(".")}: ` : "";
  return `${path}${issue.message}`;
}
