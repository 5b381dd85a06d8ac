/**
 * Safe access to Web Storage. Storage can be missing (SSR, workers), disabled (privacy modes throw a
 * SecurityError on access) or full (QuotaExceededError on write). None of that may crash the page: reads
 * fall back to "nothing stored", writes report a notice and keep the app working from memory.
 */
import type { ZodType } from "zod";

/** The part of the Web Storage API the stores use (so tests can pass a fake). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

type StorageProblem = "unavailable" | "full" | "corrupt";

export interface StorageNotice {
  problem: StorageProblem;
  /** Which store was affected ("local" or "session") and under which key. */
  area: "local" | "session";
  key: string;
  message: string;
}

type NoticeListener = (notice: StorageNotice) => void;
const listeners = new Set<NoticeListener>();

/** Subscribe to storage problems (the page shows them as a notice). Returns the unsubscribe function. */
export function onStorageNotice(listener: NoticeListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function report(notice: StorageNotice): void {
  for (const l of listeners) l(notice);
}

/** Look up `window.localStorage`/`sessionStorage` without throwing (accessing them can throw when disabled). */
export function getBrowserStorage(area: "local" | "session"): StorageLike | null {
  try {
    if (typeof window === "undefined") return null;
    const s = area === "local" ? window.localStorage : window.sessionStorage;
    return s ?? null;
  } catch {
    return null;
  }
}

function isQuotaError(err: unknown): boolean {
  if (!(err instanceof Error) && !(typeof err === "object" && err !== null)) return false;
  const e = err as { name?: string; code?: number };
  return e.name === "QuotaExceededError" || e.name === "NS_ERROR_DOM_QUOTA_REACHED" || e.code === 22 || e.code === 1014;
}

/** Read a raw string; `null` when missing or when storage cannot be read. */
export function readRaw(storage: StorageLike | null, area: "local" | "session", key: string): string | null {
  if (!storage) return null;
  try {
    return storage.getItem(key);
  } catch {
    report({
      problem: "unavailable",
      area,
      key,
      message: `${areaName(area)} is disabled: changes are kept only in this page.`,
    });
    return null;
  }
}

/** Write a raw string; returns false (and reports a notice) when storage is missing, disabled or full. */
export function writeRaw(storage: StorageLike | null, area: "local" | "session", key: string, value: string): boolean {
  if (!storage) {
    report({
      problem: "unavailable",
      area,
      key,
      message: `${areaName(area)} is not available: changes are kept only in this page.`,
    });
    return false;
  }
  try {
    storage.setItem(key, value);
    return true;
  } catch (err) {
    if (isQuotaError(err)) {
      report({
        problem: "full",
        area,
        key,
        message: `${areaName(area)} is full: the latest changes were not saved. Free some space or export your spell.`,
      });
    } else {
      report({
        problem: "unavailable",
        area,
        key,
        message: `${areaName(area)} is disabled: changes are kept only in this page.`,
      });
    }
    return false;
  }
}

export function removeRaw(storage: StorageLike | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to do: a storage we cannot write holds nothing of ours.
  }
}

/** A versioned envelope: `{ v: 2, data: {...} }`. */
export interface VersionedCodec<T> {
  version: number;
  schema: ZodType<T>;
  /**
   * Turn data written by an older version into the current shape (before validation).
   * Receives the version found and the raw data; returns raw data of the current version.
   */
  migrate?: (fromVersion: number, data: unknown) => unknown;
}

/**
 * Read a versioned value: parse JSON, migrate older versions, validate. Anything unreadable (bad JSON, a
 * future version, a shape that fails validation) yields `null` and a "corrupt" notice, never a throw.
 */
export function readVersioned<T>(
  storage: StorageLike | null,
  area: "local" | "session",
  key: string,
  codec: VersionedCodec<T>,
): T | null {
  const raw = readRaw(storage, area, key);
  if (raw === null) return null;
  const corrupt = (why: string) => {
    report({
      problem: "corrupt",
      area,
      key,
      message: `Saved data under "${key}" could not be read (${why}); defaults are used.`,
    });
    return null;
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return corrupt("not JSON");
  }
  if (typeof parsed !== "object" || parsed === null || typeof (parsed as { v?: unknown }).v !== "number") {
    return corrupt("no version");
  }
  const { v, data } = parsed as { v: number; data: unknown };
  if (v > codec.version) return corrupt(`version ${v} is newer than this app's ${codec.version}`);
  let current = data;
  if (v < codec.version) {
    if (!codec.migrate) return corrupt(`no migration from version ${v}`);
    try {
      current = codec.migrate(v, data);
    } catch (err) {
      return corrupt(`migration from version ${v} failed: ${(err as Error).message}`);
    }
  }
  const result = codec.schema.safeParse(current);
  if (!result.success) {
    const issue = result.error.issues[0];
    return corrupt(`${issue?.path.join(".") || "value"}: ${issue?.message ?? "invalid"}`);
  }
  return result.data;
}

export function writeVersioned<T>(
  storage: StorageLike | null,
  area: "local" | "session",
  key: string,
  codec: VersionedCodec<T>,
  value: T,
): boolean {
  return writeRaw(storage, area, key, JSON.stringify({ v: codec.version, data: value }));
}

function areaName(area: "local" | "session"): string {
  return area === "local" ? "Local storage" : "Session storage";
}
