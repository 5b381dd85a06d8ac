"use client";
/** A collapsible JSON tree (keyboard-operable: each node's toggle is a button). */
import { useState } from "react";
import { ChevronIcon } from "@/components/ui/icons";

export interface JsonTreeProps {
  value: unknown;
  /** Levels open at first. */
  openDepth?: number;
  label?: string;
}

export function JsonTree({ value, openDepth = 2, label }: JsonTreeProps) {
  return (
    <div className="font-mono text-[13px] leading-6" role="tree" aria-label={label ?? "JSON value"}>
      <JsonNode name={null} value={value} depth={0} openDepth={openDepth} />
    </div>
  );
}

function JsonNode({
  name,
  value,
  depth,
  openDepth,
}: {
  name: string | null;
  value: unknown;
  depth: number;
  openDepth: number;
}) {
  const [open, setOpen] = useState(depth < openDepth);
  const isArray = Array.isArray(value);
  const isObject = typeof value === "object" && value !== null;
  const keyLabel = name !== null ? <span className="text-violet-700 dark:text-violet-300">{name}: </span> : null;
  if (!isObject) {
    return (
      <div role="treeitem" aria-selected={false} style={{ paddingLeft: depth ? 16 : 0 }}>
        {keyLabel}
        <Scalar value={value} />
      </div>
    );
  }
  const entries = isArray
    ? (value as unknown[]).map((v, i) => [String(i), v] as const)
    : Object.entries(value as Record<string, unknown>);
  const summary = isArray ? `[${entries.length}]` : `{${entries.length}}`;
  return (
    <div
      role="treeitem"
      aria-expanded={entries.length ? open : undefined}
      aria-selected={false}
      style={{ paddingLeft: depth ? 16 : 0 }}
    >
      <button
        type="button"
        className="inline-flex items-center gap-1 rounded px-0.5 text-left hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-violet-500 dark:hover:bg-zinc-800"
        onClick={() => setOpen(!open)}
        aria-label={`${open ? "Collapse" : "Expand"} ${name ?? "value"}`}
        disabled={entries.length === 0}
      >
        <ChevronIcon
          className={`h-3 w-3 transition-transform ${open ? "rotate-90" : ""} ${entries.length === 0 ? "opacity-0" : ""}`}
        />
        {keyLabel}
        <span className="text-zinc-500 dark:text-zinc-400">{summary}</span>
      </button>
      {open && (
        <div role="group">
          {entries.map(([k, v]) => (
            <JsonNode key={k} name={k} value={v} depth={depth + 1} openDepth={openDepth} />
          ))}
        </div>
      )}
    </div>
  );
}

function Scalar({ value }: { value: unknown }) {
  if (value === null || value === undefined)
    return <span className="text-zinc-500 dark:text-zinc-400">{value === null ? "null" : "undefined"}</span>;
  if (typeof value === "string")
    return (
      <span className="whitespace-pre-wrap break-words text-emerald-700 dark:text-emerald-300">
        &quot;{value}&quot;
      </span>
    );
  if (typeof value === "number") return <span className="text-amber-700 dark:text-amber-300">{String(value)}</span>;
  if (typeof value === "boolean") return <span className="text-sky-700 dark:text-sky-300">{String(value)}</span>;
  return <span>{String(value)}</span>;
}
