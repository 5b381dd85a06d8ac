import { describe, expect, it } from "vitest";
import { hashCalculator } from "./hash-calculator";
import { md5 } from "./internal/md5";
import { toHex } from "./internal/bytes";
import { expectToolError, run } from "./testing";

const enc = (s: string) => new TextEncoder().encode(s);

describe("hash-calculator", () => {
  it("computes MD5 (RFC 1321 vectors)", () => {
    expect(toHex(md5(enc("")))).toBe("d41d8cd98f00b204e9800998ecf8427e");
    expect(toHex(md5(enc("abc")))).toBe("900150983cd24fb0d6963f7d28e17f72");
    expect(toHex(md5(enc("12345678901234567890123456789012345678901234567890123456789012345678901234567890")))).toBe(
      "57edf4a22be3c955ac49da2e2107b67a",
    );
  });

  it("hashes with every algorithm and format", async () => {
    const h = async (algorithm: string, format = "hex") =>
      (await run(hashCalculator, { operation: "hash", input: "abc", algorithm, format })).result;
    expect(await h("md5")).toEqual({ algorithm: "MD5", hash: "900150983cd24fb0d6963f7d28e17f72", format: "hex" });
    expect((await h("sha1")).hash).toBe("a9993e364706816aba3e25717850c26c9cd0d89d");
    expect((await h("sha-256")).hash).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect((await h("sha512")).hash).toMatch(/^ddaf35a193617aba/);
    expect((await h("sha256", "base64")).hash).toBe("ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
    const r = await run(hashCalculator, { operation: "hash", input: "abc" });
    expect(r.result.algorithm).toBe("SHA-256");
    expect(r.message).toBe("Calculated SHA-256 hash");
  });

  it("verifies hex and base64 hashes", async () => {
    const ok = await run(hashCalculator, {
      operation: "verify",
      input: "abc",
      algorithm: "md5",
      expected_hash: "900150983cd24fb0d6963f7d28e17f72",
    });
    expect(ok.result).toEqual({ verified: true, algorithm: "MD5" });
    const b64 = await run(hashCalculator, {
      operation: "verify",
      input: "abc",
      expected_hash: "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=",
      expected_format: "base64",
    });
    expect(b64.result.verified).toBe(true);
    const bad = await run(hashCalculator, {
      operation: "verify",
      input: "abd",
      algorithm: "md5",
      expected_hash: "900150983cd24fb0d6963f7d28e17f72",
    });
    expect(bad.result).toMatchObject({ verified: false, expected: "900150983cd24fb0d6963f7d28e17f72" });
    expect(bad.message).toBe("Hash verification failed");
  });

  it("raises for bad parameters and file input", async () => {
    await expectToolError(run(hashCalculator, { input: "x" }), /missing required parameter 'operation'/);
    await expectToolError(run(hashCalculator, { operation: "hash" }), /missing required parameter 'input'/);
    await expectToolError(
      run(hashCalculator, { operation: "hash", input: "x", algorithm: "sha3" }),
      /parameter 'algorithm' must be one of/,
    );
    await expectToolError(
      run(hashCalculator, { operation: "verify", input: "x" }),
      /missing required parameter 'expected_hash'/,
    );
    await expectToolError(
      run(hashCalculator, { operation: "verify", input: "x", expected_hash: "zz" }),
      /Invalid hex hash/,
    );
    await expectToolError(
      run(hashCalculator, { operation: "hash", input_type: "file", file: "/etc/passwd" }),
      /no file system/,
    );
  });
});
