import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "./sha256";

async function webCrypto(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const hash = new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", bytes));
  return Array.from(hash, (b) => b.toString(16).padStart(2, "0")).join("");
}

describe("sha256Hex", () => {
  it("gives the FIPS 180-4 test vectors", () => {
    expect(sha256Hex(new Uint8Array())).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex(new TextEncoder().encode("abc"))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });

  it("agrees with Web Crypto on any bytes, across block boundaries", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const copy = new Uint8Array(bytes);
        expect(sha256Hex(copy)).toBe(await webCrypto(copy));
      }),
      { numRuns: 300 },
    );
  });
});
