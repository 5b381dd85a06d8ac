/**
 * The CLI's State store (`--state FILE`): one JSON file `{ "<scope>": { "<key>": value } }`, rewritten
 * atomically (temp file + rename) after every change. A corrupt file is an error, never silently replaced.
 * Node only.
 */
import { promises as fs } from "node:fs";
import { dirname, basename, join } from "node:path";
import type { JsonValue } from "@/lib/core/json";
import { SpellError } from "@/lib/core/errors";
import type { StateStore } from "../runtime";

type Data = Record<string, Record<string, JsonValue>>;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

async function readData(path: string): Promise<Data> {
  let text: string;
  try {
    text = await fs.readFile(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw new SpellError("api", `cannot read state file ${path}: ${(e as Error).message}`);
  }
  if (text.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new SpellError("api", `state file ${path} is not valid JSON (${(e as Error).message}); fix or remove it`);
  }
  if (!isPlainObject(parsed) || !Object.values(parsed).every(isPlainObject)) {
    throw new SpellError("api", `state file ${path} is not a {scope: {key: value}} object; fix or remove it`);
  }
  return parsed as Data;
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
      await fs.writeFile(tmp, JSON.stringify(data, null, 2) + "\n", "utf8");
      await fs.rename(tmp, path);
    });
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    async get(scope, key) {
      const v = (await load())[scope]?.[key];
      return v === undefined ? undefined : structuredClone(v);
    },
    async set(scope, key, value) {
      const data = await load();
      (data[scope] ??= {})[key] = structuredClone(value);
      await persist(data);
    },
    async delete(scope, key) {
      const data = await load();
      if (!data[scope] || !(key in data[scope])) return false;
      delete data[scope][key];
      if (Object.keys(data[scope]).length === 0) delete data[scope];
      await persist(data);
      return true;
    },
    async keys(scope) {
      return Object.keys((await load())[scope] ?? {}).sort();
    },
    async entries() {
      const out: { scope: string; key: string; value: JsonValue }[] = [];
      for (const [scope, m] of Object.entries(await load()))
        for (const [key, value] of Object.entries(m)) out.push({ scope, key, value: structuredClone(value) });
      return out;
    },
    async clear() {
      const data = await load();
      for (const k of Object.keys(data)) delete data[k];
      await persist(data);
    },
  };
}
