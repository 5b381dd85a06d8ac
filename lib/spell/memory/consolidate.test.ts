import { describe, expect, it } from "vitest";
import { consolidateEntries, extractEntities } from "./consolidate";
import type { EpisodicEntry, Entity } from "./records";

const entry = (id: string, content: string, processed = false): EpisodicEntry => ({
  id,
  session_id: "s",
  role: "user",
  content,
  timestamp: "2026-01-01T00:00:00.000Z",
  ingestion_time: "2026-01-01T00:00:00.000Z",
  metadata: {},
  processed,
});

describe("extractEntities", () => {
  it("finds capitalised runs that do not open a sentence, inner capitals and acronyms", () => {
    expect(extractEntities("We moved to New York. Exports use CSV and WebSocket streams with GPT4.")).toEqual([
      { name: "New York", type: "concept" },
      { name: "CSV", type: "acronym" },
      { name: "WebSocket", type: "concept" },
      { name: "GPT4", type: "acronym" },
    ]);
  });

  it("finds nothing in plain lower-case text or a sentence-opening word", () => {
    expect(extractEntities("Let us plan the new dashboard feature")).toEqual([]);
  });
});

describe("consolidateEntries", () => {
  it("adds entities once, updates them on later mentions, skips processed entries unless forced", () => {
    const entities: Entity[] = [];
    const first = [entry("1", "I like Rust and Lua."), entry("2", "Rust again", true)];
    expect(consolidateEntries(first, entities, false, "t1", 100)).toMatchObject({
      entries_processed: 1,
      entities_added: 2,
      entities_updated: 0,
      entries_skipped: 1,
    });
    expect(consolidateEntries([entry("3", "Learning Rust today")], entities, false, "t2", 100)).toMatchObject({
      entities_added: 0,
      entities_updated: 1,
    });
    expect(entities.map((e) => [e.name, e.properties.mentions])).toEqual([
      ["Rust", 2],
      ["Lua", 1],
    ]);
    expect(consolidateEntries(first, entities, true, "t3", 100).entries_processed).toBe(2);
  });

  it("stops adding at the entity bound and counts the entry as failed", () => {
    const entities: Entity[] = [];
    const counts = consolidateEntries([entry("1", "Meet Ann and Bob and Cy.")], entities, false, "t", 2);
    expect([entities.length, counts.entries_failed]).toEqual([2, 1]);
  });
});
