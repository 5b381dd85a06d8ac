import { beforeAll, describe, expect, it } from "vitest";
import { Interpreter, JQ_LIMITS, JqLimitError, parse, type Json } from "./internal/jq";
import { jsonProcessor, loadJq, runJq } from "./json-processor";
import { expectToolError, run } from "./testing";

beforeAll(loadJq);

const data = {
  users: [
    { name: "Alice", age: 31, tags: ["a", "b"] },
    { name: "Bob", age: 25, tags: [] },
  ],
  items: [1, 2, 3, 4, 5],
};
const jq = (q: string, input: Json = data as Json) => runJq(q, input);

describe("jq language", () => {
  it("paths, pipes, iteration, slices, optional access", () => {
    expect(jq(".users[0].name")).toEqual(["Alice"]);
    expect(jq('.users[] | .["name"]')).toEqual(["Alice", "Bob"]);
    expect(jq(".items[1:3], .items[-2:], .items[:1]")).toEqual([[2, 3], [4, 5], [1]]);
    expect(jq(".missing.deeper")).toEqual([null]);
    expect(jq(".users[0].name.x?")).toEqual([]);
    expect(jq("[.[]?]", 5)).toEqual([[]]);
    expect(jq("[..] | length")).toEqual([18]);
  });

  it("construction, arithmetic, comparison, alternatives, conditionals", () => {
    expect(jq(".users | map({n: .name, t: (.tags | length)})")).toEqual([
      [
        { n: "Alice", t: 2 },
        { n: "Bob", t: 0 },
      ],
    ]);
    expect(jq("{(.users[0].name): 1, items}")).toEqual([{ Alice: 1, items: [1, 2, 3, 4, 5] }]);
    expect(jq("[.items[] | . * 2] | add")).toEqual([30]);
    expect(jq('"ab" * 3, [1,2,3] - [2], {a:{b:1}} * {a:{c:2}}, 7 % 3, 10 / 4, "a,b" / ","', null)).toEqual([
      "ababab",
      [1, 3],
      { a: { b: 1, c: 2 } },
      1,
      2.5,
      ["a", "b"],
    ]);
    expect(jq('[.items[] | if . > 3 then "big" elif . > 1 then "mid" else "small" end]')).toEqual([
      ["small", "mid", "mid", "big", "big"],
    ]);
    expect(jq('.missing // "default", (false, null, 1 | not)')).toEqual(["default", true, true, false]);
    expect(jq('[1, null, "a", [], {}, true] | sort')).toEqual([[null, true, 1, "a", [], {}]]);
    expect(jq("1 as $x | 2 as $y | [$x, $y, $x + $y]")).toEqual([[1, 2, 3]]);
  });

  it("reduce, foreach, def, recursion, string interpolation, formats", () => {
    expect(jq("reduce .items[] as $x (0; . + $x)")).toEqual([15]);
    expect(jq("[foreach .items[] as $i (0; . + $i; [$i, .])] | last")).toEqual([[5, 15]]);
    expect(jq("def fac: if . <= 1 then 1 else . * (. - 1 | fac) end; [range(1; 6) | fac]", null)).toEqual([
      [1, 2, 6, 24, 120],
    ]);
    expect(jq("def addn($n): . + $n; def twice(f): f | f; [.items[0] | addn(10), twice(. * 3)]")).toEqual([[11, 9]]);
    expect(jq('.users[] | "\\(.name) is \\(.age)"')).toEqual(["Alice is 31", "Bob is 25"]);
    expect(
      jq(
        '@base64 "\\(.users[0].name)", (.users[0] | @json), ([1, "a b"] | @csv, @tsv), ("x y" | @uri), ("<&>" | @html), ("QWxpY2U=" | @base64d)',
      ),
    ).toEqual([
      "QWxpY2U=",
      '{"name":"Alice","age":31,"tags":["a","b"]}',
      '1,"a b"',
      "1\ta b",
      "x%20y",
      "&lt;&amp;&gt;",
      "Alice",
    ]);
    expect(jq(". as {users: [$first, $second]} | [$first.name, $second.age]")).toEqual([["Alice", 25]]);
    expect(jq(". as [$a, [$b]] | $a + $b", [1, [2]])).toEqual([3]);
  });

  it("assignment and paths", () => {
    expect(jq(".users |= map(.age += 1) | [.users[].age]")).toEqual([[32, 26]]);
    expect(jq(".items[0] = 9 | .items")).toEqual([[9, 2, 3, 4, 5]]);
    expect(jq(".a.b //= 3", {})).toEqual([{ a: { b: 3 } }]);
    expect(jq("del(.items, .users[0]) | .users | length")).toEqual([1]);
    expect(jq("path(.users[0].name), ([paths] | length)")).toEqual([["users", 0, "name"], 17]);
    expect(jq("(to_entries | map(.key)), with_entries(.value |= length)")).toEqual([
      ["users", "items"],
      { users: 2, items: 5 },
    ]);
    expect(jq('getpath(["users", 1, "name"]), setpath(["a"]; 1)', {})).toEqual([null, { a: 1 }]);
    expect(jq("[.users[] | select(.age > 30) | .name], (.users | map(select(.tags | length > 0)) | length)")).toEqual([
      ["Alice"],
      1,
    ]);
  });

  it("builtins", () => {
    expect(
      jq('keys, (.users[0] | keys_unsorted), has("items"), (.items | contains([2, 3])), (.items | index(3))'),
    ).toEqual([["items", "users"], ["name", "age", "tags"], true, true, 2]);
    expect(
      jq(
        ".users | sort_by(-.age) | .[0].name, (group_by(.age > 26) | map(length)), (min_by(.age).name), (unique_by(.tags | length) | length)",
      ),
    ).toEqual(["Alice", [1, 1], "Bob", 2]);
    expect(
      jq(
        '[.users[].name | ascii_downcase | test("^a")], ("a1b22" | [match("\\\\d+"; "g").string]), ("foo bar" | sub("(?<x>o+)"; "[\\(.x)]")), ("aXbX" | gsub("X"; "-"))',
      ),
    ).toEqual([[true, false], ["1", "22"], "f[oo] bar", "a-b-"]);
    expect(jq('"x=1, y=2" | [scan("(\\\\w)=(\\\\d)")], capture("(?<k>\\\\w)=(?<v>\\\\d)"), [splits(", ")]')).toEqual([
      [
        ["x", "1"],
        ["y", "2"],
      ],
      { k: "x", v: "1" },
      ["x=1", "y=2"],
    ]);
    expect(
      jq("[limit(3; repeat(1))], first(range(10; 20)), [range(0; 10; 3)], ([3, 1] | min, max), isempty(empty)", null),
    ).toEqual([[1, 1, 1], 10, [0, 3, 6, 9], 1, 3, true]);
    expect(
      jq(
        '"1.5" | tonumber, ([1, [2, [3]]] | flatten), ("abc" | explode | implode), ([1, 2] | tojson | fromjson), ("a-b" | split("-") | join("+"))',
        null,
      ),
    ).toEqual([1.5, [1, 2, 3], "abc", [1, 2], "a+b"]);
    expect(
      jq(
        '[walk(if type == "number" then . + 1 else . end)], [.[] | numbers], ([[1, 2], [3, 4]] | transpose), (now | type)',
        [1, [2]],
      ),
    ).toEqual([
      [[2, [3]]],
      [1],
      [
        [1, 3],
        [2, 4],
      ],
      "number",
    ]);
    expect(jq('try error("x") catch ., (try (1 / 0) catch "div"), [.[] | tostring], (.[0] | type)', [1, "a"])).toEqual([
      "x",
      "div",
      ["1", "a"],
      "number",
    ]);
    expect(
      jq(
        '[until(. > 100; . * 2)], [while(. < 10; . + 4)], (1700000000 | todate), ("2023-11-14T22:13:20Z" | fromdate)',
        1,
      ),
    ).toEqual([[128], [1, 5, 9], "2023-11-14T22:13:20Z", 1700000000]);
  });

  it("reports jq errors", () => {
    expect(() => jq(".users[0].name.x")).toThrow('jq execution error: Cannot index string with string "x"');
    expect(() => jq('1 + "a"', null)).toThrow('number (1) and string ("a") cannot be added');
    expect(() => jq("error({code: 1})", null)).toThrow('{"code":1} (not a string)');
    expect(() => jq("nosuchfn", null)).toThrow("nosuchfn/0 is not defined");
    expect(() => jq(".[", null)).toThrow("Invalid jq syntax");
    expect(() => jq('"abc" | test("(a+)+$")', null)).toThrow("nested quantifier");
  });

  it("denies what rs-llmspell denies", () => {
    for (const q of [
      "env",
      "$ENV",
      "input",
      "inputs",
      "debug",
      "builtins",
      "$__loc__",
      'include "x"',
      'import "x" as y',
      "modulemeta",
      '"/etc/passwd"',
    ]) {
      expect(() => jq(q, null), q).toThrow(/Security/);
    }
  });

  it("stops runaway queries by steps, time and recursion depth", () => {
    expect(() => jq("[range(1e9)] | length", null)).toThrow(/evaluation steps|ms/);
    expect(() => jq("def f: f; f", null)).toThrow(/too deep|call stack/);
    expect(() => jq("last(repeat(1))", null)).toThrow(/too deep|evaluation steps|call stack/);
    expect(() => jq('"x" * 100000000', null)).toThrow(/string repetition longer than/);
    const small = new Interpreter({ compileRegex: (p, f) => new RegExp(p, f), maxSteps: 1000 });
    expect(() => small.run(parse("[range(10000)]"), null)).toThrow(JqLimitError);
    const slow = new Interpreter({ compileRegex: (p, f) => new RegExp(p, f), maxMs: 50, maxSteps: 1e9 });
    expect(() => slow.run(parse("[range(1e9)]"), null)).toThrow("query exceeded 50 ms");
    expect(() => parse("1+".repeat(JQ_LIMITS.maxQueryLength))).toThrow(/longer than/);
  });
});

describe("json-processor tool", () => {
  it("queries in the raw family", async () => {
    const r = await run(jsonProcessor, { operation: "query", input: data, query: ".items | length" });
    expect(r.data).toBe(5);
    expect(r.text).toBe("5");
    expect(r.metadata).toEqual({
      operation: "query",
      response: { operation: "query", success: true, message: "JSON query executed successfully", result: 5 },
    });
    expect((await run(jsonProcessor, { input: data, query: ".items[]" })).data).toEqual([1, 2, 3, 4, 5]);
    expect((await run(jsonProcessor, { input: '{"a": [1]}', query: ".a[0]" })).data).toBe(1);
    expect((await run(jsonProcessor, { operation: "transform", input: { a: 1 } })).data).toEqual({ a: 1 });
  });

  it("validates against a JSON Schema", async () => {
    const ok = await run(jsonProcessor, {
      operation: "validate",
      input: { a: 1 },
      schema: { type: "object", required: ["a"] },
    });
    expect(ok.data).toEqual({ is_valid: true, errors: [] });
    const bad = await run(jsonProcessor, {
      operation: "validate",
      input: { a: "x" },
      schema: { properties: { a: { type: "number" } } },
    });
    expect(bad.data).toEqual({ is_valid: false, errors: [{ path: "/a", message: "must be number", keyword: "type" }] });
  });

  it("streams JSON lines", async () => {
    const r = await run(jsonProcessor, { operation: "stream", input: '{"a":1}\n\n{"a":2}\n', query: ".a" });
    expect(r.data).toEqual([1, 2]);
  });

  it("raises for bad parameters", async () => {
    await expectToolError(run(jsonProcessor, { query: "." }), /missing required parameter 'input'/);
    await expectToolError(run(jsonProcessor, { operation: "validate", input: 1 }), /requires 'schema'/);
    await expectToolError(
      run(jsonProcessor, { operation: "validate", input: 1, schema: { type: "wat" } }),
      /Invalid JSON schema: .* \(parameter 'schema'\)/,
    );
    await expectToolError(
      run(jsonProcessor, { operation: "validate", input: "a", schema: { items: [{ pattern: "(a*)*b" }] } }),
      /unsafe pattern at schema.items\[0\].pattern/,
    );
    await expectToolError(run(jsonProcessor, { operation: "stream", input: "{bad}\n" }), /Invalid JSON on line 1/);
    await expectToolError(
      run(jsonProcessor, { operation: "convert", input: 1 }),
      /parameter 'operation' must be one of/,
    );
    await expectToolError(run(jsonProcessor, { input: 1, query: ".[" }), /Invalid jq syntax/);
  });
});
