import { describe, expect, it } from "vitest";
import { base64Encoder } from "./base64-encoder";
import { fromBase64, toBase64 } from "./internal/bytes";
import { expectToolError, run } from "./testing";

describe("base64-encoder", () => {
  it("encodes and decodes UTF-8 text", async () => {
    const e = await run(base64Encoder, { operation: "encode", input: "héllo wörld" });
    expect(e.result).toEqual({ output: "aMOpbGxvIHfDtnJsZA==", variant: "standard", binary: false });
    const d = await run(base64Encoder, { operation: "decode", input: "aMOpbGxvIHfDtnJsZA==" });
    expect(d.result).toEqual({ output: "héllo wörld", variant: "standard", binary: true });
    expect(d.message).toBe("Base64 decode completed");
  });

  it("supports the url-safe variant and hex input", async () => {
    const bytes = "fbff";
    const std = await run(base64Encoder, { operation: "encode", input: bytes, binary_input: true });
    expect(std.result.output).toBe("+/8=");
    const url = await run(base64Encoder, {
      operation: "encode",
      input: bytes,
      binary_input: true,
      variant: "url-safe",
    });
    expect(url.result.output).toBe("-_8=");
    const back = await run(base64Encoder, { operation: "decode", input: "-_8=", variant: "url-safe" });
    expect(back.result.output).toBe("fbff"); // not UTF-8: returned as hex
  });

  it("round-trips every byte value", () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    for (const urlSafe of [false, true])
      expect(Array.from(fromBase64(toBase64(all, urlSafe), urlSafe))).toEqual(Array.from(all));
    expect(toBase64(new Uint8Array([104, 105]))).toBe(btoa("hi"));
  });

  it("raises for bad input", async () => {
    await expectToolError(
      run(base64Encoder, { operation: "decode", input: "a" }),
      /Base64 decode error: Invalid input length/,
    );
    await expectToolError(run(base64Encoder, { operation: "decode", input: "a$==" }), /Invalid symbol/);
    await expectToolError(
      run(base64Encoder, { operation: "encode", input: "xyz", binary_input: true }),
      /Failed to parse hex input/,
    );
    await expectToolError(run(base64Encoder, { operation: "encode" }), /parameter 'input'/);
    await expectToolError(
      run(base64Encoder, { operation: "compress", input: "x" }),
      /parameter 'operation' must be one of: encode, decode/,
    );
    await expectToolError(run(base64Encoder, { operation: "encode", input_file: "/etc/passwd" }), /no file system/);
  });
});
