/**
 * `csv-analyzer`: rs-llmspell's CSV tool (analyze, convert, filter, transform, validate, sample) on papaparse.
 * Results follow rs's raw family: JSON results come back as `r.data` (+ `r.text`), CSV text as `r.text`, and
 * `r.metadata = {operation, response, analysis_result?|validation_result?}`. Parquet and Excel output need
 * binary writers rs has and the playground does not: they raise.
 */
import type { JsonValue } from "@/lib/core/json";
import { createLazyModule } from "./internal/lazy";
import { defineTool, paramError, success, type ToolOutput } from "./support";
import type { JsonObject } from "./types";

/** papaparse, imported on the first CSV call (never at module load). */
const papaModule = createLazyModule("papaparse", async () => (await import("./internal/libs/papaparse")).Papa);

/** Load papaparse; `detectDelimiter` needs it (the tool loads it itself). */
export async function loadCsvParser(): Promise<void> {
  await papaModule.load();
}

/** rs-llmspell's CsvAnalyzerConfig. */
export const CSV_LIMITS = {
  maxAnalysisRows: 10_000,
  typeSampleSize: 1000,
  maxUniqueTracked: 10_000,
  maxParseErrors: 10,
} as const;

const OPERATIONS = ["analyze", "convert", "filter", "transform", "validate", "sample"] as const;
type Operation = (typeof OPERATIONS)[number];

const MESSAGES: Record<Operation, string> = {
  analyze: "CSV analysis completed",
  convert: "CSV conversion completed",
  filter: "CSV filtering completed",
  transform: "CSV transformation completed",
  validate: "CSV validation completed",
  sample: "CSV sampling completed",
};

const RUST_FLOAT = /^[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|inf|infinity|nan)$/i;
const RUST_INT = /^[+-]?\d+$/;

function parseRows(text: string, delimiter: string): string[][] {
  const out = papaModule.get().parse<string[]>(text, { delimiter, skipEmptyLines: true });
  return out.data;
}

/** (After `loadCsvParser()`.) rs `detect_delimiter`: the delimiter giving the same field count (> 1) on the first records. */
export function detectDelimiter(content: string): string {
  const sample = content.split("\n").slice(0, 10).join("\n");
  let best: string | undefined;
  let bestScore = 0;
  for (const d of [",", ";", "\t", "|"]) {
    const counts = parseRows(sample, d)
      .slice(0, 5)
      .map((r) => r.length);
    if (counts.length > 1 && counts.every((c) => c === counts[0]) && counts[0] > 1 && counts[0] > bestScore) {
      best = d;
      bestScore = counts[0];
    }
  }
  if (!best) throw paramError("Validation error: Could not detect CSV delimiter (parameter 'input')");
  return best;
}

interface Table {
  headers: string[];
  records: string[][];
  /** Records whose field count differs from the header's (rs's csv crate rejects them). */
  errors: { row: number; message: string }[];
}

function readTable(content: string, delimiter: string): Table {
  const rows = parseRows(content, delimiter);
  if (rows.length === 0) throw paramError("CSV error: the input has no header row (parameter 'input')");
  const [headers, ...rest] = rows;
  const records: string[][] = [];
  const errors: Table["errors"] = [];
  let prev = headers.length;
  rest.forEach((r, i) => {
    if (r.length !== headers.length) {
      errors.push({
        row: i + 2,
        message: `CSV error: found record with ${r.length} fields, but the previous record has ${prev} fields`,
      });
    } else records.push(r);
    prev = r.length;
  });
  return { headers, records, errors };
}

function strictTable(content: string, delimiter: string): Table {
  const t = readTable(content, delimiter);
  if (t.errors.length) throw paramError(`${t.errors[0].message} (row ${t.errors[0].row})`);
  return t;
}

function inferType(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values.slice(0, CSV_LIMITS.typeSampleSize)) {
    const t = v.trim();
    if (!t) continue;
    let type: string;
    if (RUST_INT.test(t) && Number.isSafeInteger(Number(t))) type = "integer";
    else if (RUST_FLOAT.test(t)) type = "float";
    else if (["true", "false", "yes", "no", "y", "n", "1", "0"].includes(t.toLowerCase())) type = "boolean";
    else if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(t) && !Number.isNaN(Date.parse(t))) type = "date";
    else if (/^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(t)) type = "date_time";
    else type = "string";
    counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  let best = "string";
  let n = 0;
  for (const [t, c] of counts) if (c > n) [best, n] = [t, c];
  return best;
}

function analyze(content: string): JsonObject {
  const delimiter = detectDelimiter(content);
  const rows = parseRows(content, delimiter);
  const headers = rows[0] ?? [];
  const cols = headers.map((h, i) => ({
    name: h === "" ? `Column_${i + 1}` : h,
    null_count: 0,
    count: 0,
    unique: new Map<string, number>(),
    min: undefined as string | undefined,
    max: undefined as string | undefined,
    sum: undefined as number | undefined,
    sumSq: undefined as number | undefined,
    samples: [] as string[],
    typeSamples: [] as string[],
  }));
  const parseErrors: string[] = [];
  let rowCount = 0;
  for (let idx = 0; idx + 1 < rows.length && idx < CSV_LIMITS.maxAnalysisRows; idx++) {
    const record = rows[idx + 1];
    if (record.length !== headers.length) {
      parseErrors.push(
        `Row ${idx + 2}: CSV error: found record with ${record.length} fields, but the previous record has ${rows[idx].length} fields`,
      );
      if (parseErrors.length >= CSV_LIMITS.maxParseErrors) {
        parseErrors.push("... more errors omitted");
        break;
      }
      continue;
    }
    record.forEach((field, ci) => {
      const c = cols[ci];
      if (c.typeSamples.length < CSV_LIMITS.typeSampleSize) c.typeSamples.push(field);
      if (field.trim() === "") {
        c.null_count++;
        return;
      }
      c.count++;
      if (c.unique.size < CSV_LIMITS.maxUniqueTracked || c.unique.has(field))
        c.unique.set(field, (c.unique.get(field) ?? 0) + 1);
      if (c.min === undefined || field < c.min) c.min = field;
      if (c.max === undefined || field > c.max) c.max = field;
      if (RUST_FLOAT.test(field)) {
        const x = Number(field);
        c.sum = (c.sum ?? 0) + x;
        c.sumSq = (c.sumSq ?? 0) + x * x;
      }
      if (c.samples.length < 5) c.samples.push(field);
    });
    rowCount++;
  }
  return {
    row_count: rowCount,
    column_count: headers.length,
    encoding: "UTF-8",
    delimiter,
    has_headers: true,
    columns: cols.map((c) => {
      let mean: number | null = null;
      let std: number | null = null;
      if (c.sum !== undefined && c.sumSq !== undefined && c.count > 0) {
        mean = c.sum / c.count;
        const variance = c.sumSq / c.count - mean * mean;
        std = variance > 0 ? Math.sqrt(variance) : 0;
      }
      return {
        name: c.name,
        data_type: inferType(c.typeSamples),
        null_count: c.null_count,
        unique_count: c.unique.size,
        min_value: c.min ?? null,
        max_value: c.max ?? null,
        mean,
        median: null,
        std_dev: std,
        sample_values: c.samples,
      };
    }),
    file_size_bytes: new TextEncoder().encode(content).length,
    parse_errors: parseErrors,
  };
}

function typedValue(field: string): JsonValue {
  if (RUST_FLOAT.test(field)) {
    const n = Number(field);
    if (Number.isFinite(n)) return n;
  }
  if (field === "true") return true;
  if (field === "false") return false;
  return field;
}

function toObjects(t: Table): JsonObject[] {
  return t.records.map((r) => {
    const o: JsonObject = {};
    t.headers.forEach((h, i) => (o[h] = typedValue(r[i])));
    return o;
  });
}

function writeCsv(headers: string[], records: string[][], delimiter = ","): string {
  const text = papaModule.get().unparse([headers, ...records], { delimiter, newline: "\n" });
  return `${text}\n`;
}

function compare(field: string, op: string, value: string): boolean {
  const [a, b] = [Number(field), Number(value)];
  const numeric = RUST_FLOAT.test(field) && RUST_FLOAT.test(value);
  const cmp = numeric ? (a < b ? -1 : a > b ? 1 : 0) : field < value ? -1 : field > value ? 1 : 0;
  switch (op) {
    case "==":
      return field === value;
    case "!=":
      return field !== value;
    case ">":
      return cmp > 0;
    case "<":
      return cmp < 0;
    case ">=":
      return cmp >= 0;
    case "<=":
      return cmp <= 0;
    default:
      throw paramError(`Validation error: Unknown operator: ${op} (option 'filter')`);
  }
}

function filterCsv(content: string, expr: string): string {
  const parts = expr.split(/\s+/).filter(Boolean);
  if (parts.length !== 3)
    throw paramError(
      "Validation error: Filter expression must be in format: 'column operator value' (option 'filter')",
    );
  const [column, op, raw] = parts;
  const value = raw.replace(/^"+|"+$/g, "");
  const t = strictTable(content, detectDelimiter(content));
  const ci = t.headers.indexOf(column);
  if (ci < 0) throw paramError(`Validation error: Column '${column}' not found (option 'filter')`);
  return writeCsv(
    t.headers,
    t.records.filter((r) => compare(r[ci], op, value)),
  );
}

function evalExpression(expr: string, headers: string[], record: string[]): string {
  const value = (name: string) => {
    const i = headers.indexOf(name);
    return i >= 0 ? (record[i] ?? "") : name;
  };
  if (expr.includes(" * ")) {
    const parts = expr.split(" * ");
    if (parts.length === 2) {
      const [l, r] = [value(parts[0].trim()), value(parts[1].trim())];
      if (RUST_FLOAT.test(l) && RUST_FLOAT.test(r)) return (Number(l) * Number(r)).toFixed(2);
    }
  }
  return expr;
}

function transformCsv(content: string, options: JsonObject): string {
  const t = strictTable(content, ",");
  const headers = [...t.headers];
  const renames = options.rename_columns;
  if (renames && typeof renames === "object" && !Array.isArray(renames)) {
    for (const [from, to] of Object.entries(renames)) {
      if (typeof to === "string") headers.forEach((h, i) => h === from && (headers[i] = to));
    }
  }
  const exprs: string[] = [];
  const adds = options.add_columns;
  if (adds && typeof adds === "object" && !Array.isArray(adds)) {
    for (const [name, expr] of Object.entries(adds)) {
      headers.push(name);
      if (typeof expr === "string") exprs.push(expr);
    }
  }
  return writeCsv(
    headers,
    t.records.map((r) => [...r, ...exprs.map((e) => evalExpression(e, t.headers, r))]),
  );
}

function validateCsv(content: string, options: JsonObject): JsonObject {
  const rules = options.rules;
  if (!rules || typeof rules !== "object" || Array.isArray(rules)) {
    throw paramError("Validation error: Validate operation requires 'rules' in options (option 'rules')");
  }
  const t = strictTable(content, ",");
  const errors: JsonObject[] = [];
  t.records.forEach((r, i) => {
    const row = i + 1;
    for (const [column, rule] of Object.entries(rules)) {
      if (typeof rule !== "string") continue;
      const ci = t.headers.indexOf(column);
      if (ci < 0) continue;
      const value = r[ci];
      if (rule === "email" && (!value.includes("@") || !value.includes("."))) {
        errors.push({ row, column, value, error: "Invalid email format" });
      } else if (rule.startsWith("range:")) {
        const m = /^([^-]*)-(.*)$/.exec(rule.slice(6));
        if (!m) continue;
        const [min, max] = [m[1], m[2]];
        if (RUST_FLOAT.test(min) && RUST_FLOAT.test(max) && RUST_FLOAT.test(value)) {
          const v = Number(value);
          if (v < Number(min) || v > Number(max))
            errors.push({ row, column, value, error: `Value ${v} is outside range ${Number(min)}-${Number(max)}` });
        } else errors.push({ row, column, value, error: "Value is not a valid number" });
      }
    }
  });
  return { valid: errors.length === 0, errors, total_rows: t.records.length, error_count: errors.length };
}

function run(params: JsonObject): ToolOutput {
  const operation = ((params.operation as string | undefined) ?? "analyze") as Operation;
  const content = params.input as string;
  const options = (params.options ?? undefined) as JsonObject | undefined;
  const opt = (k: string) => options?.[k];
  let result: JsonValue;
  switch (operation) {
    case "analyze":
      result = analyze(content);
      break;
    case "convert": {
      const format = opt("format");
      if (typeof format !== "string")
        throw paramError("Validation error: Convert operation requires 'format' in options (option 'format')");
      const f = format.toLowerCase();
      if (f === "parquet" || f === "excel" || f === "xlsx") {
        throw paramError(`format '${format}' is not available in the playground (supported: json, jsonl, tsv)`);
      }
      const t = strictTable(content, detectDelimiter(content));
      if (f === "json") result = toObjects(t);
      else if (f === "jsonl" || f === "jsonlines")
        result = toObjects(t)
          .map((o) => `${JSON.stringify(o)}\n`)
          .join("");
      else if (f === "tsv") result = writeCsv(t.headers, t.records, "\t");
      else throw paramError(`Validation error: Unsupported export format: ${format} (option 'format')`);
      break;
    }
    case "filter": {
      const filter = opt("filter");
      if (typeof filter !== "string")
        throw paramError(
          "Validation error: Filter operation requires 'filter' expression in options (option 'filter')",
        );
      result = filterCsv(content, filter);
      break;
    }
    case "sample": {
      const size = opt("size");
      const n = typeof size === "number" && Number.isInteger(size) && size >= 0 ? size : 10;
      const t = strictTable(content, detectDelimiter(content));
      result = writeCsv(t.headers, t.records.slice(0, n));
      break;
    }
    case "transform":
      if (!options) throw paramError("Validation error: Transform operation requires options (parameter 'options')");
      result = transformCsv(content, options);
      break;
    case "validate":
      if (!options)
        throw paramError("Validation error: Validate operation requires options with rules (parameter 'options')");
      result = validateCsv(content, options);
      break;
  }
  const response = success(operation, MESSAGES[operation], result) as unknown as JsonObject;
  const metadata: JsonObject = { operation, response };
  if (operation === "analyze") metadata.analysis_result = result;
  if (operation === "validate") metadata.validation_result = result;
  if (typeof result === "string") {
    // rs hands the text to its JSON-or-text conversion unchanged.
    try {
      return { json: JSON.parse(result) as JsonValue, metadata };
    } catch {
      return { text: result, metadata };
    }
  }
  return { json: result, metadata };
}

export const csvAnalyzer = defineTool({
  name: "csv-analyzer",
  aliases: ["csv_analyzer"],
  description: "Analyze, convert, filter, transform, validate and sample CSV data",
  category: "data",
  pure: true,
  tags: ["csv", "data", "table"],
  schema: {
    type: "object",
    properties: {
      operation: { type: "string", enum: [...OPERATIONS], default: "analyze", description: "Operation to perform" },
      input: { type: "string", description: "CSV text with a header row" },
      options: {
        type: "object",
        description:
          'convert {format: json|jsonl|tsv}; filter {filter: "column op value" with op ==,!=,>,<,>=,<=}; sample {size}; transform {rename_columns, add_columns}; validate {rules: {column: "email"|"range:min-max"}}',
      },
    },
    required: ["input"],
  },
  run: async (params) => {
    await loadCsvParser();
    return run(params);
  },
});
