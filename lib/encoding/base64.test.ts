import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Base64Error, decodeBase64, encodeBase64, type Base64Options } from "./base64";

const VARIANTS: [Base64Options, BufferEncoding, (s: string) => string][] = [
  [{ alphabet: "standard", pad: true }, "base64", (s) => s],
  [{ alphabet: "url", pad: false }, "base64url", (s) => s],
  [{ alphabet: "standard", pad: false }, "base64", (s) => s.replace(/=+$/, "")],
  [{ alphabet: "url", pad: true }, "base64url", (s) => s.padEnd(Math.ceil(s.length / 4) * 4, "=")],
];

describe("base64", () => {
  it("encodes like Node's Buffer and round-trips, in every alphabet and padding", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        for (const [options, encoding, adjust] of VARIANTS) {
          const text = encodeBase64(bytes, options);
          expect(text).toBe(adjust(Buffer.from(bytes).toString(encoding)));
          expect(Array.from(decodeBase64(text, options))).toEqual(Array.from(bytes));
        }
      }),
    );
  });

  it("names the first character outside the alphabet", () => {
    const error = (() => {
      try {
        decodeBase64("ab+c", { alphabet: "url", pad: false });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(Base64Error);
    expect(error).toMatchObject({
      problem: "symbol",
      index: 2,
      message: 'character "+" at position 2 is not base64url',
    });
    expect(() => decodeBase64("ab-c")).toThrow('character "-" at position 2 is not base64');
    expect(() => decodeBase64("aé==")).toThrow(/position 1/);
  });

  it("rejects a length no base64 text can have", () => {
    expect(() => decodeBase64("abcde", { pad: false })).toThrow(/cannot be 5 characters long/);
    expect(() => decodeBase64("abc")).toThrow(/multiple of 4 characters long, not 3/);
    expect(decodeBase64("abc", { pad: false })).toEqual(decodeBase64("abc="));
  });
});
