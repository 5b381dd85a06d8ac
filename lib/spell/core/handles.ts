/** The per-run table of host objects that scripts hold as {@link HandleRef}s. */
import { SpellError } from "@/lib/core/errors";
import { type HandleRef } from "@/lib/core/engine";
import { type JsonValue } from "@/lib/core/json";

export interface HandleTable {
  /** Register an object; `fields` are plain values engines may show on the script object (`tool.name`). */
  create(cls: string, obj: object, fields?: Record<string, JsonValue>): HandleRef;
  get<T>(ref: HandleRef, cls: string, where: string): T;
  tryGet<T>(ref: unknown, cls: string): T | undefined;
  /** The handle already created for this object, if any (so the same agent keeps one handle). */
  refOf(obj: object): HandleRef | undefined;
  release(ref: HandleRef): void;
}

export function createHandleTable(): HandleTable {
  let next = 1;
  const byId = new Map<number, { cls: string; obj: object }>();
  const byObj = new WeakMap<object, HandleRef>();
  return {
    create(cls, obj, fields) {
      const ref: HandleRef = { ...(fields ?? {}), $handle: next++, $class: cls };
      byId.set(ref.$handle, { cls, obj });
      byObj.set(obj, ref);
      return ref;
    },
    get<T>(ref: HandleRef, cls: string, where: string): T {
      const entry = ref && typeof ref.$handle === "number" ? byId.get(ref.$handle) : undefined;
      if (!entry) throw new SpellError("api", `${where}: this ${cls} no longer exists`);
      if (entry.cls !== cls) throw new SpellError("type", `${where} expects ${cls}, got ${entry.cls}`);
      return entry.obj as T;
    },
    tryGet<T>(ref: unknown, cls: string): T | undefined {
      const r = ref as HandleRef | undefined;
      const entry = r && typeof r.$handle === "number" ? byId.get(r.$handle) : undefined;
      return entry && entry.cls === cls ? (entry.obj as T) : undefined;
    },
    refOf(obj) {
      return byObj.get(obj);
    },
    release(ref) {
      byId.delete(ref.$handle);
    },
  };
}
