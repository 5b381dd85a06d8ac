/**
 * The CLI's State store (`--state FILE`): one JSON file `{ "<scope>": { "<key>": value } }`, rewritten
 * atomically (temp file + rename) after every change. A corrupt file is an error, never silently replaced.
 * Scopes and keys are spell text, so they live in Maps: `__proto__` or `constructor` is an ordinary name and
 * never reaches an object's prototype. Node only.
 */
import { promises as fs } from "node:fs";
import { dirname, basename, join } from "node:path";
import type { JsonValue } from "@/lib/core/json";
import { SpellError } from "@/lib/core/errors";
import type { StateStore } from "../runtime";

type Data = Map<string, Map<string, JsonValue>>;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

async function readData(path: string): Promise<Data> {
  let text: string;
  try {
    text = await fs.readFile(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return new Map();
    throw new SpellError("api", `cannot read state file ${path}: ${(e as Error).message}`);
  }
  if (text.trim() === "") return new Map();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new SpellError("api", `state file ${path} is not valid JSON (${(e as Error).message}); fix or remove it`);
  }
  if (!isPlainObject(parsed) || !Object.values(parsed).every(isPlainObject)) {
    throw new SpellError("api", `state file ${path} is not a {scope: {key: value}} object; fix or remove it`);
  }
  // JSON.parse makes every name an own property (even `__proto__`), so Object.entries sees them all.
  return new Map(
    Object.entries(parsed as Record<string, Record<string, JsonValue>>).map(([scope, m]) => [
      scope,
      new Map(Object.entries(m)),
    ]),
  );
}

/** The file's JSON: Object.fromEntries defines own properties, so a `__proto__` name is written as a name. */
function toJsonText(data: Data): string {
  const obj = Object.fromEntries([...data].map(([scope, m]) => [scope, Object.fromEntries(m)]));
  return JSON.stringify(obj, null, 2) + "\n";
}

export function createJsonFileStateStore(path: string): StateStore {
  let cache: Promise<Data> | undefined;
  // Writes are serialised so two quick saves never interleave their renames.
  let queue: Promise<void> = Promise.resolve();
  let seq = 0;
  const load = () => (cache ??= readData(path).catch((e) => ((cache = undefined), Promise.reject(e))));
  const persist = (data: Data) => {
    const next = queue.then(async () => {
      const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${++seq}.tmp`);
      await fs.mkdir(dirname(path), { recursive: true });
      await fs.writeFile(tmp, toJsonText(data), "utf8");
      await fs.rename(tmp, path);
    });
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    async get(scope, key) {
      const v = (await load()).get(scope)?.get(key);
      return v === undefined ? undefined : structuredClone(v);
    },
    async set(scope, key, value) {
      const data = await load();
      let m = data.get(scope);
      if (!m) data.set(scope, (m = new Map()));
      m.set(key, structuredClone(value));
      await persist(data);
    },
    async delete(scope, key) {
      const data = await load();
      const m = data.get(scope);
      if (!m?.delete(key)) return false;
      if (m.size === 0) data.delete(scope);
      await persist(data);
      return true;
    },
    async keys(scope) {
      return [...((await load()).get(scope)?.keys() ?? [])].sort();
    },
    async entries() {
      const out: { scope: string; key: string; value: JsonValue }[] = [];
      for (const [scope, m] of await load())
        for (const [key, value] of m) out.push({ scope, key, value: structuredClone(value) });
      return out;
    },
    async clear() {
      const data = await load();
      data.clear();
      await persist(data);
    },
  };
}
