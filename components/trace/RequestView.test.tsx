import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { RequestView } from "./RequestView";

const span = {
  name: "mock/default",
  model: "mock/default",
  input: {
    messages: [
      { role: "system", content: "You are terse." },
      { role: "user", content: "line\n".repeat(40) },
    ],
    tools: [{ name: "calculator", description: "Evaluates math", parameters: { type: "object" } }],
    params: { temperature: { value: 0.3, source: "settings" } },
  },
  output: { text: "ok", toolCalls: [], finishReason: "stop", usage: "estimated", received: { temperature: 0.3 } },
  tokens: { input: 12, output: 1 },
  costUsd: 0,
};

describe("RequestView", () => {
  it("shows the system prompt, each parameter with its source, the tools, and folds a long message", () => {
    const html = renderToStaticMarkup(<RequestView span={span} />);
    expect(html).toContain("You are terse.");
    expect(html).toContain("the page&#x27;s model settings");
    expect(html).toContain("provider received 0.3");
    expect(html).toContain("calculator");
    expect(html).toContain("Copy as JSON");
    expect(html).toContain("~12 in · 1 out (estimated)");
    // 40 lines fold after 10, with the rest one click away.
    expect(html).toMatch(/show more \(\d+ more characters\)/);
    expect(html).not.toContain("line\n".repeat(11));
  });
});
