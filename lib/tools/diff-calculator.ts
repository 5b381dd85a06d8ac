/**
 * `diff-calculator`: line diffs of two texts (unified, context, inline, simple), with the `diff` package, and
 * rs-llmspell's structural diff of two JSON values. File inputs are refused. A diff that takes longer than
 * DIFF_LIMITS.timeoutMs is abandoned with a clear error.
 */
import type { ChangeObject } from "diff";
import type { JsonValue } from "@/lib/core/json";
import { defineTool, paramError, success } from "./support";
import { createLazyModule } from "./internal/lazy";
import type { JsonObject } from "./types";

/** The `diff` package, imported on the first text diff (never at module load). */
const diffModule = createLazyModule("diff", () => import("diff"));

/** Load the `diff` package; `unifiedDiff` needs it (the tool loads it itself). */
export async function loadDiff(): Promise<void> {
  await diffModule.load();
}

export const DIFF_LIMITS = { timeoutMs: 2000 } as const;

/** Rust's `str::lines().count()`. */
export function countLines(s: string): number {
  if (s === "") return 0;
  return s.split("\n").length - (s.endsWith("\n") ? 1 : 0);
}

function tooExpensive(): never {
  throw paramError(`diff took longer than ${DIFF_LIMITS.timeoutMs} ms; the texts are too large or too different`);
}

/** The `similar` crate's GNU-style hunk range: `start,len`, or just `start` when len is 1. */
function range(start: number, len: number): string {
  if (len === 1) return String(start);
  return `${len === 0 ? start - 1 : start},${len}`; // an empty range names the line before it
}

function hunksOf(oldText: string, newText: string) {
  const patch = diffModule.get().structuredPatch("old", "new", oldText, newText, undefined, undefined, {
    context: 3,
    timeout: DIFF_LIMITS.timeoutMs,
  });
  if (!patch) tooExpensive();
  return patch.hunks;
}

function changesOf(oldText: string, newText: string): ChangeObject<string>[] {
  const changes = diffModule.get().diffLines(oldText, newText, { timeout: DIFF_LIMITS.timeoutMs });
  if (!changes) tooExpensive();
  return changes;
}

function splitKeepNewlines(s: string): string[] {
  return s.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** A unified diff of two texts (after `loadDiff()`). */
export function unifiedDiff(oldText: string, newText: string): string {
  const hunks = hunksOf(oldText, newText);
  if (hunks.length === 0) return "";
  let out = "--- old\n+++ new\n";
  for (const h of hunks) {
    out += `@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@\n`;
    for (const line of h.lines) out += line.startsWith("\\") ? `\n${line}\n` : `${line}\n`;
  }
  return out.replace(/\n\n\\/g, "\n\\");
}

function contextDiff(oldText: string, newText: string): string {
  let out = "*** old\n--- new\n***************\n";
  for (const h of hunksOf(oldText, newText)) {
    for (const line of h.lines) {
      if (line.startsWith("\\")) continue;
      const tag = line[0] === " " ? " " : line[0];
      out += `${tag} ${line.slice(1)}\n`;
    }
    out += "***************\n";
  }
  return out;
}

function inlineDiff(oldText: string, newText: string): string {
  let out = "";
  for (const c of changesOf(oldText, newText)) {
    const sign = c.added ? "+" : c.removed ? "-" : " ";
    for (const line of splitKeepNewlines(c.value)) out += sign + line;
  }
  return out;
}

function simpleDiff(oldText: string, newText: string): string {
  const changes = changesOf(oldText, newText);
  let oldLine = 0;
  let newLine = 0;
  let count = 0;
  let out = "";
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i];
    const n = c.count ?? splitKeepNewlines(c.value).length;
    if (c.removed && changes[i + 1]?.added) {
      const m = changes[i + 1].count ?? splitKeepNewlines(changes[i + 1].value).length;
      count++;
      out += `Replaced at lines ${oldLine + 1}-${oldLine + n} with lines ${newLine + 1}-${newLine + m}\n`;
      oldLine += n;
      newLine += m;
      i++;
    } else if (c.removed) {
      count++;
      out += `Removed at line ${oldLine + 1}: ${n} line(s)\n`;
      oldLine += n;
    } else if (c.added) {
      count++;
      out += `Added at line ${newLine + 1}: ${n} line(s)\n`;
      newLine += n;
    } else {
      oldLine += n;
      newLine += n;
    }
  }
  return `Total changes: ${count}\n\n${out}`;
}

function deepEqual(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as JsonValue[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ao = a as JsonObject;
  const bo = b as JsonObject;
  const ak = Object.keys(ao);
  return ak.length === Object.keys(bo).length && ak.every((k) => Object.hasOwn(bo, k) && deepEqual(ao[k], bo[k]));
}

interface JsonDiff {
  added: JsonObject;
  removed: JsonObject;
  modified: JsonObject;
  unchanged: string[];
}

/** rs-llmspell's `compare_json_values`. */
function compareJson(oldV: JsonValue, newV: JsonValue, path: string, diff: JsonDiff): void {
  const isObj = (v: JsonValue): v is JsonObject => v !== null && typeof v === "object" && !Array.isArray(v);
  if (isObj(oldV) && isObj(newV)) {
    const at = (k: string) => (path ? `${path}.${k}` : k);
    for (const [k, v] of Object.entries(oldV)) if (!Object.hasOwn(newV, k)) diff.removed[at(k)] = v;
    for (const [k, nv] of Object.entries(newV)) {
      if (!Object.hasOwn(oldV, k)) diff.added[at(k)] = nv;
      else if (deepEqual(oldV[k], nv)) diff.unchanged.push(at(k));
      else if (isObj(oldV[k]) && isObj(nv)) compareJson(oldV[k], nv, at(k), diff);
      else diff.modified[at(k)] = { old: oldV[k], new: nv };
    }
  } else if (Array.isArray(oldV) && Array.isArray(newV)) {
    const at = path ? `${path}[]` : "[]";
    if (deepEqual(oldV, newV)) diff.unchanged.push(at);
    else diff.modified[at] = { old_length: oldV.length, new_length: newV.length, old: oldV, new: newV };
  } else if (deepEqual(oldV, newV)) diff.unchanged.push(path);
  else diff.modified[path] = { old: oldV, new: newV };
}

const FORMATS: Record<string, (a: string, b: string) => string> = {
  unified: unifiedDiff,
  context: contextDiff,
  inline: inlineDiff,
  simple: simpleDiff,
};

async function run(params: JsonObject): Promise<JsonValue> {
  if (params.old_file !== undefined || params.new_file !== undefined) {
    throw paramError("parameters 'old_file'/'new_file' are not available: the playground has no file system");
  }
  const type = (params.type as string | undefined) ?? "text";
  if (type === "json") {
    if (!("old_json" in params) || !("new_json" in params)) {
      throw paramError(
        "Either (old_json, new_json) or (old_file, new_file) must be provided (parameters 'old_json', 'new_json')",
      );
    }
    const diff: JsonDiff = { added: {}, removed: {}, modified: {}, unchanged: [] };
    compareJson(params.old_json, params.new_json, "", diff);
    return success("json_diff", "JSON diff calculated successfully", {
      type: "json",
      diff: diff as unknown as JsonObject,
      summary: {
        added: Object.keys(diff.added).length,
        removed: Object.keys(diff.removed).length,
        modified: Object.keys(diff.modified).length,
        unchanged: diff.unchanged.length,
      },
    }) as unknown as JsonValue;
  }
  if (typeof params.old_text !== "string" || typeof params.new_text !== "string") {
    throw paramError(
      "Either (old_text, new_text) or (old_file, new_file) must be provided (parameters 'old_text', 'new_text')",
    );
  }
  const format = (params.format as string | undefined) ?? "unified";
  await loadDiff();
  const diff = FORMATS[format](params.old_text, params.new_text);
  return success("text_diff", "Text diff calculated successfully", {
    type: "text",
    format,
    diff,
    stats: { old_lines: countLines(params.old_text), new_lines: countLines(params.new_text) },
  }) as unknown as JsonValue;
}

export const diffCalculator = defineTool({
  name: "diff-calculator",
  aliases: ["diff_calculator"],
  description: "Calculate differences between texts or JSON values",
  category: "utility",
  pure: true,
  tags: ["diff", "compare"],
  schema: {
    type: "object",
    properties: {
      type: { type: "string", enum: ["text", "json"], default: "text", description: "What to compare" },
      old_text: { type: "string", description: "Original text (type = text)" },
      new_text: { type: "string", description: "New text (type = text)" },
      old_json: { description: "Original JSON value (type = json)" },
      new_json: { description: "New JSON value (type = json)" },
      format: {
        type: "string",
        enum: ["unified", "context", "inline", "simple"],
        default: "unified",
        description: "Text diff format",
      },
      old_file: { type: "string", description: "Not available (no file system)" },
      new_file: { type: "string", description: "Not available (no file system)" },
    },
  },
  operationOf: (p) => (p.type === "json" ? "json_diff" : "text_diff"),
  run: async (params) => ({ json: await run(params) }),
});
