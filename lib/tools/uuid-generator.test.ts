import { describe, expect, it } from "vitest";
import { formatUuid, parseUuid, UUID_NAMESPACES, uuidGenerator, uuidV5 } from "./uuid-generator";
import { expectToolError, run } from "./testing";

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("uuid-generator", () => {
  it("generates random v4 UUIDs by default", async () => {
    const a = await run(uuidGenerator, {});
    const b = await run(uuidGenerator, { operation: "generate" });
    expect(a.result.uuid).toMatch(V4);
    expect(a.result.uuid).not.toBe(b.result.uuid);
    expect(a.result).toMatchObject({ version: "v4", format: "hyphenated" });
    expect(a.message).toBe("UUID generated successfully");
  });

  it("generates RFC 4122 v5 UUIDs (known vectors)", async () => {
    expect(await uuidV5(UUID_NAMESPACES.dns, "python.org")).toBe("886313e1-3b8a-5372-9b90-0c9aee199e5d");
    expect(await uuidV5(UUID_NAMESPACES.url, "http://python.org/")).toBe("4c565f0d-3f5a-5890-b41b-20cf47701c5e");
    const r = await run(uuidGenerator, { version: "v5", namespace: "dns", name: "python.org" });
    expect(r.result).toEqual({ uuid: "886313e1-3b8a-5372-9b90-0c9aee199e5d", version: "v5", format: "hyphenated" });
    const custom = await run(uuidGenerator, { version: "5", namespace: UUID_NAMESPACES.dns, name: "python.org" });
    expect(custom.result.uuid).toBe("886313e1-3b8a-5372-9b90-0c9aee199e5d");
  });

  it("formats", async () => {
    const u = "886313e1-3b8a-5372-9b90-0c9aee199e5d";
    expect(formatUuid(u, "simple")).toBe("886313e13b8a53729b900c9aee199e5d");
    expect(formatUuid(u, "urn")).toBe(`urn:uuid:${u}`);
    expect(formatUuid(u, "braced")).toBe(`{${u}}`);
    const r = await run(uuidGenerator, { format: "braced" });
    expect(r.result.uuid).toMatch(/^\{.{36}\}$/);
    expect(r.result.format).toBe("braced");
  });

  it("makes component, deterministic and custom ids", async () => {
    const c = await run(uuidGenerator, { operation: "component_id", prefix: "agent", short: true });
    expect(c.result.id).toMatch(/^agent_[0-9a-f]{8}$/);
    const d1 = await run(uuidGenerator, { operation: "deterministic", name: "x", namespace: "tool" });
    const d2 = await run(uuidGenerator, { operation: "deterministic", name: "x", namespace: "tool" });
    expect(d1.result.id).toBe(d2.result.id);
    expect(d1.result.id).not.toBe((await run(uuidGenerator, { operation: "deterministic", name: "x" })).result.id);
    const cu = await run(uuidGenerator, {
      operation: "custom",
      prefix: "p",
      suffix: "s",
      timestamp: true,
      short: true,
    });
    expect(cu.result.id).toMatch(/^p_\d{10}_[0-9a-f]{8}_s$/);
  });

  it("validates in the raw family (r.data)", async () => {
    const ok = await run(uuidGenerator, { operation: "validate", uuid: "886313E1-3B8A-5372-9B90-0C9AEE199E5D" });
    expect(ok.data).toEqual({
      valid: true,
      uuid: "886313e1-3b8a-5372-9b90-0c9aee199e5d",
      version: "v5",
      variant: "RFC4122",
    });
    expect(ok.text).toContain('"valid": true');
    const bad = await run(uuidGenerator, { operation: "validate", uuid: "nope" });
    expect(bad.data).toEqual({ valid: false, error: "Invalid UUID format" });
    expect(parseUuid("{886313e1-3b8a-5372-9b90-0c9aee199e5d")).toBeUndefined();
  });

  it("raises for bad parameters", async () => {
    await expectToolError(run(uuidGenerator, { version: "v5" }), /requires a name parameter \(parameter 'name'\)/);
    await expectToolError(
      run(uuidGenerator, { version: "v5", name: "x", namespace: "bogus" }),
      /Invalid namespace UUID: bogus/,
    );
    await expectToolError(run(uuidGenerator, { version: "v7" }), /parameter 'version' must be one of/);
    await expectToolError(run(uuidGenerator, { operation: "validate" }), /missing required parameter 'uuid'/);
    await expectToolError(run(uuidGenerator, { operation: "deterministic" }), /missing required parameter 'name'/);
  });
});
