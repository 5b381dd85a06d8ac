/** The in-memory State store: the default for a run, and what tests use. */
import type { JsonValue } from "@/lib/core/json";
import type { StateStore } from "../runtime";

export function createMemoryStateStore(): StateStore {
  const scopes = new Map<string, Map<string, JsonValue>>();
  const scopeOf = (scope: string) => {
    let m = scopes.get(scope);
    if (!m) scopes.set(scope, (m = new Map()));
    return m;
  };
  return {
    async get(scope, key) {
      const v = scopes.get(scope)?.get(key);
      return v === undefined ? undefined : structuredClone(v);
    },
    async set(scope, key, value) {
      scopeOf(scope).set(key, structuredClone(value));
    },
    async delete(scope, key) {
      return scopes.get(scope)?.delete(key) ?? false;
    },
    async keys(scope) {
      return [...(scopes.get(scope)?.keys() ?? [])].sort();
    },
    async entries() {
      const out: { scope: string; key: string; value: JsonValue }[] = [];
      for (const [scope, m] of scopes)
        for (const [key, value] of m) out.push({ scope, key, value: structuredClone(value) });
      return out;
    },
    async clear() {
      scopes.clear();
    },
  };
}
