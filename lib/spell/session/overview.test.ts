import { describe, expect, it } from "vitest";
import { createSpellApi } from "../index";
import { createTestRuntime } from "../testing";
import { createMemoryStateStore } from "../state/memory";
import { summarizeSessions } from "./overview";

describe("summarizeSessions", () => {
  it("lists sessions in creation order with their artifacts, and reports unreadable records", async () => {
    const state = createMemoryStateStore();
    const api = createSpellApi(createTestRuntime({ state }));
    const fns = (g: string) => api.globals[g].functions;
    const a = (await fns("Session").create([{ name: "first", tags: ["x"] }])) as string;
    const b = (await fns("Session").create([{ name: "second" }])) as string;
    await fns("Artifact").store([a, "agent_output", "report.md", "# R", { mime_type: "text/markdown" }]);
    await fns("Artifact").store([a, "notes", "n.txt", "n"]);
    await fns("Session").complete([b]);
    await state.set("__sessions__", "broken", { format: 9 });
    const overview = summarizeSessions(await state.entries());
    expect(overview.sessions.map((s) => [s.name, s.status, s.artifacts.map((x) => [x.name, x.artifactType])])).toEqual([
      [
        "first",
        "active",
        [
          ["report.md", "AgentOutput"],
          ["n.txt", 'Custom("notes")'],
        ],
      ],
      ["second", "completed", []],
    ]);
    expect(overview.unreadable).toEqual(["__sessions__/broken: its format is 9, not 1"]);
  });
});
