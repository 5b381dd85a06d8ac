import { describe, expect, it } from "vitest";
import { applyInputRows, inputRowsOf } from "./spell-inputs";

const plain = "print(ARGS.name)";
const withParams = '-- param: topic (string) = "tides": What to write about\nprint(ARGS.topic)';

describe("inputRowsOf", () => {
  it("lists the free-form ARGS as rows, values as text", () => {
    expect(inputRowsOf("lua", plain, { name: "Ada", n: 3 })).toEqual([
      { key: "name", value: "Ada" },
      { key: "n", value: "3" },
    ]);
    expect(inputRowsOf("lua", plain, undefined)).toEqual([]);
    expect(inputRowsOf("lua", plain, ["not", "an", "object"])).toEqual([]);
  });

  it("leaves out the parameters the spell declares (the parameters form shows those)", () => {
    expect(inputRowsOf("lua", withParams, { topic: "waves", 1: "first" })).toEqual([{ key: "1", value: "first" }]);
  });
});

describe("applyInputRows", () => {
  it("makes ARGS of the rows, ignores blank rows and clears ARGS when none is left", () => {
    const r = applyInputRows("lua", plain, undefined, [
      { key: "name", value: "Ada" },
      { key: "", value: "" },
      { key: " city ", value: "Paris" },
    ]);
    expect(r).toEqual({ args: { name: "Ada", city: "Paris" }, problems: [null, null, null] });
    expect(applyInputRows("lua", plain, { name: "Ada" }, []).args).toBeUndefined();
  });

  it("refuses a row it cannot keep and says why, keeping the others", () => {
    const r = applyInputRows("lua", plain, undefined, [
      { key: "", value: "orphan" },
      { key: "a b", value: "1" },
      { key: "k=v", value: "1" },
      { key: "name", value: "Ada" },
      { key: "name", value: "Grace" },
    ]);
    expect(r.args).toEqual({ name: "Ada" });
    expect(r.problems[0]).toMatch(/name/);
    expect(r.problems[1]).toMatch(/"a b" may not contain/);
    expect(r.problems[2]).toMatch(/"k=v" may not contain/);
    expect(r.problems[3]).toBeNull();
    expect(r.problems[4]).toMatch(/"name" is already set/);
  });

  it("keeps the declared parameters' values and refuses names the spell does not declare", () => {
    const r = applyInputRows("lua", withParams, { topic: "waves" }, [
      { key: "topic", value: "x" },
      { key: "extra", value: "y" },
      { key: "1", value: "positional" },
    ]);
    expect(r.args).toEqual({ topic: "waves", 1: "positional" });
    expect(r.problems[0]).toMatch(/parameters form/);
    expect(r.problems[1]).toMatch(/declares its parameters \(topic\).*"extra"/);
    expect(r.problems[2]).toBeNull();
  });

  it("keeps a non-string value from a shared link while its text is unchanged", () => {
    const before = { n: 3, list: [1, 2] };
    expect(
      applyInputRows("lua", plain, before, [
        { key: "n", value: "3" },
        { key: "list", value: "[1,2,3]" },
      ]).args,
    ).toEqual({ n: 3, list: "[1,2,3]" });
  });
});
