"use client";
/**
 * The Trace tab's file bar: download the trace as OpenTelemetry OTLP/JSON (GenAI semantic conventions), or open
 * an OTLP/JSON file (ours or another tool's) in the trace viewer.
 */
import { useRef, useState } from "react";
import type { TraceEvent } from "@/lib/core/events";
import { exportOtlpTrace, importOtlpTrace } from "@/lib/otel/otlp";

interface TraceFileBarProps {
  /** The trace to export, or nothing yet. */
  events: () => TraceEvent[];
  canExport: boolean;
  /** Epoch ms the shown run started (span times are relative to it). */
  startedAt: number | null;
  onImport(events: TraceEvent[], label: string): void;
}

/** Largest OTLP file the viewer reads. */
const MAX_IMPORT_BYTES = 16 * 1024 * 1024;

export function TraceFileBar({ events, canExport, startedAt, onImport }: TraceFileBarProps) {
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const download = () => {
    const otlp = exportOtlpTrace(events(), { startedAtMs: startedAt ?? Date.now() });
    const url = URL.createObjectURL(new Blob([JSON.stringify(otlp)], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "llmspell-trace.otlp.json";
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const read = async (file: File) => {
    setProblem(null);
    if (file.size > MAX_IMPORT_BYTES) {
      setProblem(`${file.name} is ${file.size} bytes; the trace viewer reads files up to ${MAX_IMPORT_BYTES} bytes.`);
      return;
    }
    try {
      const imported = importOtlpTrace(JSON.parse(await file.text()));
      onImport(imported, `Imported trace: ${file.name} (${imported.length / 2} spans)`);
    } catch (err) {
      setProblem(`${file.name}: ${err instanceof SyntaxError ? "not JSON" : (err as Error).message}`);
    }
  };

  return (
    <div className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-3 py-1.5 text-xs dark:border-zinc-800">
      <button type="button" className="btn h-7" disabled={!canExport} onClick={download}>
        Download OTLP
      </button>
      <button type="button" className="btn h-7" onClick={() => input.current?.click()}>
        Import OTLP…
      </button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        className="hidden"
        data-testid="otlp-file"
        aria-label="OTLP/JSON trace file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) void read(file);
        }}
      />
      {problem && (
        <span role="alert" className="text-red-600 dark:text-red-400">
          {problem}
        </span>
      )}
    </div>
  );
}
