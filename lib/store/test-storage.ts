/** A Web Storage fake for tests: a Map that can be made full (quota errors) or disabled (security errors). */
import type { StorageLike } from "./storage";

export interface FakeStorage extends StorageLike {
  data: Map<string, string>;
  mode: "ok" | "full" | "disabled";
}

export function createFakeStorage(mode: FakeStorage["mode"] = "ok"): FakeStorage {
  const data = new Map<string, string>();
  const fake: FakeStorage = {
    data,
    mode,
    getItem(key) {
      if (fake.mode === "disabled")
        throw Object.assign(new Error("The operation is insecure."), { name: "SecurityError" });
      return data.get(key) ?? null;
    },
    setItem(key, value) {
      if (fake.mode === "disabled")
        throw Object.assign(new Error("The operation is insecure."), { name: "SecurityError" });
      if (fake.mode === "full")
        throw Object.assign(new Error("quota exceeded"), { name: "QuotaExceededError", code: 22 });
      data.set(key, value);
    },
    removeItem(key) {
      if (fake.mode === "disabled")
        throw Object.assign(new Error("The operation is insecure."), { name: "SecurityError" });
      data.delete(key);
    },
  };
  return fake;
}
