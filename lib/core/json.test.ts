import { describe, expect, it } from "vitest";
import { setOwnValue } from "./json";

describe("setOwnValue", () => {
  it("keeps __proto__ as an own key instead of setting the prototype", () => {
    const out: Record<string, unknown> = {};
    setOwnValue(out, "__proto__", { polluted: true });
    setOwnValue(out, "constructor", 1);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(["__proto__", "constructor"]);
    expect(JSON.stringify(out)).toBe('{"__proto__":{"polluted":true},"constructor":1}');
    expect((out as { polluted?: boolean }).polluted).toBeUndefined();
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
