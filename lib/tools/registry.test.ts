import { describe, expect, it } from "vitest";
import { BUILTIN_TOOLS, findRefusedTool, findTool, listTools } from "./index";

describe("the tool registry under a sandbox preset", () => {
  it("keeps every tool under standard and strict", () => {
    expect(listTools()).toHaveLength(BUILTIN_TOOLS.length);
    expect(listTools("strict")).toHaveLength(BUILTIN_TOOLS.length);
    expect(findTool("uuid-generator", "strict")?.name).toBe("uuid-generator");
  });

  it("keeps only the pure tools under minimal", () => {
    expect(listTools("minimal").map((t) => t.name)).toEqual([
      "calculator",
      "text-manipulator",
      "hash-calculator",
      "base64-encoder",
      "diff-calculator",
      "data-validator",
      "csv-analyzer",
      "url-analyzer",
      "citation-formatter",
    ]);
  });

  it("tells a refused tool from a missing one, by name or alias", () => {
    expect(findTool("json_processor", "minimal")).toBeUndefined();
    expect(findRefusedTool("json_processor", "minimal")?.name).toBe("json-processor");
    expect(findRefusedTool("calculator", "minimal")).toBeUndefined();
    expect(findRefusedTool("nope", "minimal")).toBeUndefined();
    expect(findRefusedTool("uuid-generator", "standard")).toBeUndefined();
  });
});
