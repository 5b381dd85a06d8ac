/** Byte helpers shared by hash-calculator and base64-encoder (no Node Buffer: they run in browsers too). */
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

const STD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** Base64 with padding (standard or URL-safe alphabet, as Rust's base64 STANDARD / URL_SAFE engines). */
export function toBase64(bytes: Uint8Array, urlSafe = false): string {
  const alpha = urlSafe ? URL : STD;
  let out = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += alpha[n >> 18] + alpha[(n >> 12) & 63] + alpha[(n >> 6) & 63] + alpha[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += `${alpha[n >> 18]}${alpha[(n >> 12) & 63]}==`;
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += `${alpha[n >> 18]}${alpha[(n >> 12) & 63]}${alpha[(n >> 6) & 63]}=`;
  }
  return out;
}

/** Strict padded base64 decode; throws an Error describing the first problem. */
export function fromBase64(text: string, urlSafe = false): Uint8Array {
  const alpha = urlSafe ? URL : STD;
  if (text.length % 4 !== 0)
    throw new Error(`Invalid input length ${text.length} (must be a multiple of 4 with padding)`);
  const pad = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  const body = text.slice(0, text.length - pad);
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < body.length; i++) {
    const v = alpha.indexOf(body[i]);
    if (v < 0) throw new Error(`Invalid symbol ${JSON.stringify(body[i])}, offset ${i}.`);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}
