import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf8Length } from "./utf8";

describe("utf8Length", () => {
  it("counts 1 to 4 bytes per code point", () => {
    expect(utf8Length("aé€😀")).toBe(1 + 2 + 3 + 4);
    expect(utf8Length("")).toBe(0);
  });

  it("agrees with TextEncoder, lone surrogates included", () => {
    const utf16 = fc
      .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 })
      .map((codes) => String.fromCharCode(...codes));
    fc.assert(
      fc.property(utf16, (s) => {
        expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
      }),
    );
  });
});
