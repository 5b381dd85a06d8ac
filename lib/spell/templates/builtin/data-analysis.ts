/**
 * data-analysis: statistics of a CSV text or a list of rows computed here (count, mean, min, max, and Pearson
 * correlations), then an analyst agent explains them. rs-llmspell reads `data_file` from disk; spells have no
 * file system here, so `data_file` raises `unsupported_feature` and the data comes in `data`.
 */
import { SpellError } from "@/lib/core/errors";
import type { JsonValue } from "@/lib/core/json";
import type { TemplateDefinition } from "../types";
import { MODEL_PARAM, str } from "./common";

type Row = { [column: string]: string | number };

/** Rows of a CSV text (first line: headers; no quoted commas) or of a list of objects. */
function rowsOf(where: string, data: unknown): Row[] {
  if (typeof data === "string") {
    const lines = data.split(/\r?\n/).filter((l) => l.trim() !== "");
    if (lines.length < 2) throw new SpellError("type", `${where} expects params.data to hold a header line and rows`);
    const headers = lines[0].split(",").map((h) => h.trim());
    return lines.slice(1).map((l) => {
      const cells = l.split(",").map((c) => c.trim());
      return Object.fromEntries(
        headers.map((h, i) => [
          h,
          cells[i] !== "" && !Number.isNaN(Number(cells[i])) ? Number(cells[i]) : (cells[i] ?? ""),
        ]),
      );
    });
  }
  if (Array.isArray(data) && data.every((r) => typeof r === "object" && r !== null && !Array.isArray(r)))
    return data as Row[];
  throw new SpellError("type", `${where} expects params.data to be CSV text or a list of rows`);
}

const round = (n: number) => Math.round(n * 1000) / 1000;

function describe(rows: Row[]) {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const numeric = columns.filter((c) => rows.every((r) => typeof r[c] === "number"));
  const stats: { [column: string]: JsonValue } = {};
  for (const c of numeric) {
    const xs = rows.map((r) => r[c] as number);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length);
    stats[c] = { count: xs.length, mean: round(mean), min: Math.min(...xs), max: Math.max(...xs), std: round(sd) };
  }
  const correlations: { [pair: string]: number } = {};
  for (let i = 0; i < numeric.length; i++)
    for (let j = i + 1; j < numeric.length; j++) {
      const a = rows.map((r) => r[numeric[i]] as number);
      const b = rows.map((r) => r[numeric[j]] as number);
      const ma = a.reduce((x, y) => x + y, 0) / a.length;
      const mb = b.reduce((x, y) => x + y, 0) / b.length;
      let num = 0;
      let da = 0;
      let db = 0;
      for (let k = 0; k < a.length; k++) {
        num += (a[k] - ma) * (b[k] - mb);
        da += (a[k] - ma) ** 2;
        db += (b[k] - mb) ** 2;
      }
      correlations[`${numeric[i]}~${numeric[j]}`] = da && db ? round(num / Math.sqrt(da * db)) : 0;
    }
  return { rows: rows.length, columns, numeric, stats, correlations };
}

export const dataAnalysis: TemplateDefinition = {
  metadata: {
    id: "data-analysis",
    name: "Data Analysis",
    description: "Statistics of tabular data (CSV text or rows) with an analyst's explanation and a chart spec.",
    category: "Analysis",
    version: "0.1.0",
    author: "LLMSpell Playground",
    requires: [],
    tags: ["analysis", "statistics", "visualization"],
  },
  params: [
    { name: "data", description: "CSV text (header line first) or a list of row objects", type: "any" },
    {
      name: "data_file",
      description: "rs-llmspell's file path (not available: spells have no file system)",
      type: "string",
    },
    {
      name: "analysis_type",
      description: "Type of statistical analysis",
      type: "string",
      default: "descriptive",
      allowed: ["descriptive", "correlation"],
    },
    {
      name: "chart_type",
      description: "Chart to describe for the data",
      type: "string",
      default: "bar",
      allowed: ["bar", "line", "scatter", "histogram"],
    },
    MODEL_PARAM,
  ],
  estimate: (p) => ({
    agents: 1,
    inputTokens: 300 + Math.ceil(JSON.stringify(p.data ?? "").length / 4),
    outputTokens: 300,
  }),
  async run(env, p) {
    if (p.data_file !== undefined && p.data_file !== null)
      throw new SpellError(
        "unsupported_feature",
        `${env.where}: data_file needs a file system, which spells do not have here; pass the data itself as params.data`,
      );
    if (p.data === undefined || p.data === null)
      throw new SpellError("type", `${env.where} expects params.data to be CSV text or a list of rows, got nothing`);
    const summary = describe(rowsOf(env.where, p.data));
    const chart = {
      type: str(p.chart_type),
      x: summary.columns.find((c) => !summary.numeric.includes(c)) ?? summary.numeric[0] ?? null,
      y: summary.numeric.filter((c) => c !== summary.columns.find((x) => !summary.numeric.includes(x))).slice(0, 2),
    };
    const insight = await env.ask({
      role: "data-analysis.analyst",
      model: str(p.model),
      system: "You are a data analyst. Explain statistics plainly in a few sentences.",
      prompt: `Analysis: ${str(p.analysis_type)}\nStatistics: ${JSON.stringify(summary.stats)}\nCorrelations: ${JSON.stringify(summary.correlations)}`,
    });
    return {
      result_type: "structured",
      result: {
        analysis_type: str(p.analysis_type),
        rows: summary.rows,
        columns: summary.columns,
        statistics: summary.stats,
        ...(p.analysis_type === "correlation" ? { correlations: summary.correlations } : {}),
        chart,
        insights: insight.text,
      },
    };
  },
};
