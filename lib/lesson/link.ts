/**
 * Lesson links: a whole lesson in the URL fragment, `#v1/<payload>`, where the payload is base64url (no padding)
 * of deflate-raw of the lesson's JSON. The server never sees it. `decodeLessonLink` only ever fails with a
 * {@link LessonLinkError} whose message a person who pasted the link can act on.
 */
import { Base64Error, decodeBase64, encodeBase64 } from "@/lib/encoding/base64";
import { PayloadTooLargeError, deflateRaw, inflateRaw } from "@/lib/encoding/deflate";
import { LESSON_FORMAT_VERSION, parseLesson, type Lesson } from "./schema";

/** Largest lesson JSON a link may expand to. */
const MAX_LESSON_JSON_BYTES = 512 * 1024;

export class LessonLinkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LessonLinkError";
  }
}

/** `#v1/<payload>` for a lesson. Throws LessonLinkError when the lesson is not valid or too large. */
export async function encodeLessonLink(lesson: Lesson): Promise<string> {
  const parsed = parseLesson(lesson);
  if (!parsed.ok) throw new LessonLinkError(`Cannot share this lesson. ${parsed.message}`);
  const bytes = new TextEncoder().encode(JSON.stringify(parsed.lesson));
  if (bytes.length > MAX_LESSON_JSON_BYTES)
    throw new LessonLinkError(
      `Cannot share this lesson: it is ${bytes.length} bytes of JSON; a lesson link holds at most ${MAX_LESSON_JSON_BYTES}.`,
    );
  const compressed = await deflateRaw(bytes);
  return `#v${LESSON_FORMAT_VERSION}/${encodeBase64(compressed, { alphabet: "url", pad: false })}`;
}

/** Decodes a fragment made by {@link encodeLessonLink} (with or without `#`, or a whole URL). */
export async function decodeLessonLink(fragment: string): Promise<Lesson> {
  let text = fragment.trim();
  const hash = text.indexOf("#");
  if (hash >= 0) text = text.slice(hash + 1);
  if (text === "") throw new LessonLinkError("The link holds no lesson (the part after # is empty).");
  const version = /^v(\d+)\//.exec(text);
  if (!version)
    throw new LessonLinkError("This is not a lesson link: the part after # should start with v1/ (like #v1/…).");
  if (Number(version[1]) > LESSON_FORMAT_VERSION)
    throw new LessonLinkError(
      `This lesson link was made by a newer version of the playground (v${version[1]}); this one reads v${LESSON_FORMAT_VERSION}.`,
    );
  if (version[1] !== String(LESSON_FORMAT_VERSION))
    throw new LessonLinkError(`This lesson link has an unknown format version (v${version[1]}).`);
  const payload = text.slice(version[0].length);
  if (payload === "")
    throw new LessonLinkError("The link is incomplete: the lesson's data is missing (was it cut off when copied?).");
  let compressed: Uint8Array;
  try {
    compressed = decodeBase64(payload, { alphabet: "url", pad: false });
  } catch (error) {
    throw new LessonLinkError(
      `The lesson link is damaged: ${error instanceof Base64Error ? error.message : "it is not base64url"}.`,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = await inflateRaw(compressed, MAX_LESSON_JSON_BYTES);
  } catch (error) {
    if (error instanceof PayloadTooLargeError)
      throw new LessonLinkError(`The lesson is larger than ${MAX_LESSON_JSON_BYTES} bytes, the most a link may hold.`);
    throw new LessonLinkError(
      "The lesson link is truncated or damaged: its data does not decompress (was it cut off when copied?).",
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new LessonLinkError("The lesson link is damaged: its data is not JSON text.");
  }
  const parsed = parseLesson(value);
  if (!parsed.ok) throw new LessonLinkError(parsed.message);
  return parsed.lesson;
}
