import { expect, it, vi } from "vitest";

// Set before any import: @ai-sdk/openai throws while it loads when this is blank.
vi.hoisted(() => {
  process.env.OPENAI_BASE_URL = " ";
});

import { createDirectLlmClient } from "./direct";

it("a blank OPENAI_BASE_URL counts as unset: the provider loads, and a call says what is missing", async () => {
  expect(process.env.OPENAI_BASE_URL).toBeUndefined();
  const parts: unknown[] = [];
  const client = createDirectLlmClient({ env: {} });
  for await (const part of client.stream({ model: "openai/gpt-4o-mini", messages: [{ role: "user", content: "hi" }] }))
    parts.push(part);
  expect(parts).toEqual([{ type: "error", kind: "unavailable", message: expect.stringMatching(/need a key/) }]);
});
