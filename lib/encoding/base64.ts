/**
 * Base64 (RFC 4648 §4 standard and §5 URL-safe alphabets, with or without padding), the one codec for share
 * links and the base64/hash tools. Written out rather than using `btoa`/`Buffer` so it behaves the same in
 * browsers, workers and Node, works on bytes (not Latin-1 strings), and decoding names the exact character
 * or length that is wrong instead of skipping it.
 */
type Base64Alphabet = "standard" | "url";

export interface Base64Options {
  /** `standard` uses `+/`, `url` uses `-_`. Default `standard`. */
  alphabet?: Base64Alphabet;
  /** Encode with `=` padding and require it when decoding. Default true. */
  pad?: boolean;
}

const ALPHABETS: Record<Base64Alphabet, string> = {
  standard: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
  url: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
};

const LOOKUPS: Record<Base64Alphabet, Int16Array> = {
  standard: lookupOf(ALPHABETS.standard),
  url: lookupOf(ALPHABETS.url),
};

function lookupOf(alphabet: string): Int16Array {
  const lookup = new Int16Array(128).fill(-1);
  for (let i = 0; i < alphabet.length; i++) lookup[alphabet.charCodeAt(i)] = i;
  return lookup;
}

const CODES: Record<Base64Alphabet, Uint8Array> = {
  standard: new TextEncoder().encode(ALPHABETS.standard),
  url: new TextEncoder().encode(ALPHABETS.url),
};
const PAD = "=".charCodeAt(0);

/**
 * The symbols are written as bytes into one buffer and decoded once (base64 is ASCII): string concatenation per
 * symbol took about 1 s for the 10 MB of vectors a full RAG index stores, this takes a few tens of ms.
 */
export function encodeBase64(bytes: Uint8Array, { alphabet = "standard", pad = true }: Base64Options = {}): string {
  const a = CODES[alphabet];
  const rest = bytes.length % 3;
  const full = bytes.length - rest;
  const tail = rest === 0 ? 0 : pad ? 4 : rest + 1;
  const out = new Uint8Array((full / 3) * 4 + tail);
  let o = 0;
  for (let i = 0; i < full; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out[o++] = a[n >> 18];
    out[o++] = a[(n >> 12) & 63];
    out[o++] = a[(n >> 6) & 63];
    out[o++] = a[n & 63];
  }
  if (rest === 1) {
    const n = bytes[full] << 16;
    out[o++] = a[n >> 18];
    out[o++] = a[(n >> 12) & 63];
    if (pad) out.fill(PAD, o, o + 2);
  } else if (rest === 2) {
    const n = (bytes[full] << 16) | (bytes[full + 1] << 8);
    out[o++] = a[n >> 18];
    out[o++] = a[(n >> 12) & 63];
    out[o++] = a[(n >> 6) & 63];
    if (pad) out[o] = PAD;
  }
  return new TextDecoder().decode(out);
}

/** Thrown for text that is not base64: `problem` says what, `index` is the first offending position. */
export class Base64Error extends Error {
  constructor(
    message: string,
    readonly problem: "length" | "symbol",
    readonly index: number,
  ) {
    super(message);
    this.name = "Base64Error";
  }
}

export function decodeBase64(text: string, { alphabet = "standard", pad = true }: Base64Options = {}): Uint8Array {
  const name = alphabet === "url" ? "base64url" : "base64";
  if (pad ? text.length % 4 !== 0 : text.length % 4 === 1) {
    const message = pad
      ? `a padded ${name} text is a multiple of 4 characters long, not ${text.length}`
      : `a ${name} text cannot be ${text.length} characters long (cut off?)`;
    throw new Base64Error(message, "length", text.length);
  }
  const padding = pad ? (text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0) : 0;
  const end = text.length - padding;
  const lookup = LOOKUPS[alphabet];
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let o = 0;
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    const v = code < 128 ? lookup[code] : -1;
    if (v < 0) {
      throw new Base64Error(`character ${JSON.stringify(text[i])} at position ${i} is not ${name}`, "symbol", i);
    }
    buffer = ((buffer << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  return out.subarray(0, o);
}
