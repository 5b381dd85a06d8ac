import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { toJsLiteral, toLuaLiteral } from "./literals";
import { runExample } from "@/examples/run-example";

describe("source literals", () => {
  it("writes Lua tables", () => {
    expect(toLuaLiteral({ a: 1, "b-c": [1, "x"], end: true, n: null })).toBe(
      '{a = 1, ["b-c"] = {1, "x"}, ["end"] = true}',
    );
    expect(toLuaLiteral('say "hi"\n\t\\')).toBe('"say \\"hi\\"\\n\\t\\\\"');
    expect(toLuaLiteral({})).toBe("{}");
  });

  it("writes JS literals that evaluate to the same value", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (raw) => {
        const v = JSON.parse(JSON.stringify(raw));
        expect(new Function(`return (${toJsLiteral(v)});`)()).toEqual(v);
      }),
    );
  });

  it("Lua literals read back to the same JSON in a real Lua engine", async () => {
    const value = {
      s: 'quote " backslash \\ newline \n tab \t bell \u0007 é 🌍',
      list: [1, 2.5, -3],
      nested: { "key with space": false },
    };
    const run = await runExample("lua", `print(JSON.stringify(${toLuaLiteral(value)}))`);
    expect(run.result.ok).toBe(true);
    expect(JSON.parse(run.lines.join("\n"))).toEqual(value);
  });
});
