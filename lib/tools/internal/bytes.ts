/** Byte helpers shared by hash-calculator and base64-encoder (no Node Buffer: they run in browsers too). */
import { Base64Error, decodeBase64, encodeBase64 } from "@/lib/encoding/base64";

export function toHex(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += b.toString(16).padStart(2, "0");
  return s;
}

/** Decode hex; undefined when the text is not an even-length hex string. */
export function fromHex(hex: string): Uint8Array | undefined {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return undefined;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Base64 with padding (standard or URL-safe alphabet, as Rust's base64 STANDARD / URL_SAFE engines). */
export function toBase64(bytes: Uint8Array, urlSafe = false): string {
  return encodeBase64(bytes, { alphabet: urlSafe ? "url" : "standard" });
}

/** Strict padded base64 decode; throws an Error worded like Rust's base64 crate, naming the first problem. */
export function fromBase64(text: string, urlSafe = false): Uint8Array {
  try {
    return decodeBase64(text, { alphabet: urlSafe ? "url" : "standard" });
  } catch (error) {
    if (!(error instanceof Base64Error)) throw error;
    throw new Error(
      error.problem === "length"
        ? `Invalid input length ${text.length} (must be a multiple of 4 with padding)`
        : `Invalid symbol ${JSON.stringify(text[error.index])}, offset ${error.index}.`,
    );
  }
}
