/**
 * Lua 5.4's reading of a numeral's text (lobject.c's luaO_str2num): an integer if it fits (hexadecimal ones wrap
 * around modulo 2^64), else a float as C's strtod reads it; `null` for a malformed numeral. Part of the Lua 5.4
 * parser, hand-written because no maintained npm parser reads Lua 5.4 (luaparse stops at 5.3: no
 * `<const>`/`<close>` attribs).
 */

const DECIMAL_INTEGER = /^[0-9]+$/;
const HEX_INTEGER = /^0[xX]([0-9a-fA-F]+)$/;
const DECIMAL_FLOAT = /^(?=\.?[0-9])[0-9]*(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?$/;
const HEX_FLOAT = /^0[xX](?=\.?[0-9a-fA-F])([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?[0-9]+))?$/;
const MAX_INTEGER = (1n << 63n) - 1n;

export interface Numeral {
  kind: "integer" | "float";
  value: number;
}

export function readNumeral(text: string): Numeral | null {
  if (DECIMAL_INTEGER.test(text)) {
    // l_str2int: a decimal integer that does not fit in 64 bits is read as a float.
    if (BigInt(text) <= MAX_INTEGER) return { kind: "integer", value: Number(text) };
    return { kind: "float", value: Number(text) };
  }
  const hexInteger = HEX_INTEGER.exec(text);
  if (hexInteger) return { kind: "integer", value: Number(BigInt.asIntN(64, BigInt(`0x${hexInteger[1]}`))) };
  if (DECIMAL_FLOAT.test(text)) return { kind: "float", value: Number(text) };
  const hexFloat = HEX_FLOAT.exec(text);
  if (hexFloat) return { kind: "float", value: readHexFloat(hexFloat[1], hexFloat[2] ?? "", hexFloat[3] ?? "0") };
  return null;
}

/** `0xA.8p1`: the hex digits as one integer, scaled by 2^(exponent - 4 * fraction digits). */
function readHexFloat(whole: string, fraction: string, exponent: string): number {
  const digits = `${whole}${fraction}`.replace(/^0+/, "");
  if (digits === "") return 0;
  const mantissa = Number(BigInt(`0x${digits}`));
  const scale = Number(exponent) - 4 * fraction.length;
  // Two steps so a large mantissa with a very negative scale does not underflow 2^scale on its own.
  const half = Math.trunc(scale / 2);
  return mantissa * 2 ** half * 2 ** (scale - half);
}
