import { beforeAll, describe, expect, it } from "vitest";
import { CSV_LIMITS, csvAnalyzer, detectDelimiter, loadCsvParser } from "./csv-analyzer";
import { expectToolError, run } from "./testing";

beforeAll(loadCsvParser);

const csv = "name,age,email\nAlice,30,a@x.com\nBob,25,bob\nCara,41,c@y.org\n";

describe("csv-analyzer", () => {
  it("analyzes columns in the raw family", async () => {
    const r = await run(csvAnalyzer, { input: csv });
    expect(r.data).toMatchObject({
      row_count: 3,
      column_count: 3,
      encoding: "UTF-8",
      delimiter: ",",
      has_headers: true,
      parse_errors: [],
    });
    const age = r.data.columns[1];
    expect(age).toMatchObject({
      name: "age",
      data_type: "integer",
      null_count: 0,
      unique_count: 3,
      min_value: "25",
      max_value: "41",
      median: null,
      sample_values: ["30", "25", "41"],
    });
    expect(age.mean).toBeCloseTo(32);
    expect(age.std_dev).toBeCloseTo(Math.sqrt(((30 - 32) ** 2 + (25 - 32) ** 2 + (41 - 32) ** 2) / 3));
    expect(r.data.columns[0].data_type).toBe("string");
    expect(r.metadata.operation).toBe("analyze");
    expect(r.metadata.analysis_result).toEqual(r.data);
    expect(r.metadata.response).toMatchObject({
      operation: "analyze",
      success: true,
      message: "CSV analysis completed",
    });
  });

  it("infers types and reports parse errors", async () => {
    const good = "1.5;true;2024-01-02;\n2.5;no;2024-02-03;x\n".repeat(3);
    const r = await run(csvAnalyzer, { input: `a;b;c;d\n${good}3;1;2024-03-04\n` });
    expect(r.data.delimiter).toBe(";");
    expect(r.data.columns.map((c: { data_type: string }) => c.data_type)).toEqual([
      "float",
      "boolean",
      "date",
      "string",
    ]);
    expect(r.data.columns[3].null_count).toBe(3);
    expect(r.data.parse_errors).toEqual([
      "Row 8: CSV error: found record with 3 fields, but the previous record has 4 fields",
    ]);
    // As in rs, the delimiter is detected on the first records, which must agree.
    await expectToolError(run(csvAnalyzer, { input: "a,b\n1,2,3\n" }), /Could not detect CSV delimiter/);
    expect(detectDelimiter("a\tb\n1\t2\n")).toBe("\t");
  });

  it("converts to json, jsonl and tsv", async () => {
    expect((await run(csvAnalyzer, { input: csv, operation: "convert", options: { format: "json" } })).data[0]).toEqual(
      { name: "Alice", age: 30, email: "a@x.com" },
    );
    const jsonl = await run(csvAnalyzer, {
      input: "a,b\n1,true\n",
      operation: "convert",
      options: { format: "jsonl" },
    });
    expect(jsonl.data).toEqual({ a: 1, b: true }); // one JSON line is itself JSON, as in rs
    expect(
      (await run(csvAnalyzer, { input: "a,b\n1,2\n", operation: "convert", options: { format: "tsv" } })).text,
    ).toBe("a\tb\n1\t2\n");
  });

  it("filters, samples, transforms and validates", async () => {
    const f = await run(csvAnalyzer, { input: csv, operation: "filter", options: { filter: "age > 26" } });
    expect(f.text).toBe("name,age,email\nAlice,30,a@x.com\nCara,41,c@y.org\n");
    expect(f.data).toBeUndefined();
    expect(
      (await run(csvAnalyzer, { input: csv, operation: "filter", options: { filter: 'name == "Bob"' } })).text,
    ).toBe("name,age,email\nBob,25,bob\n");
    expect((await run(csvAnalyzer, { input: csv, operation: "sample", options: { size: 1 } })).text).toBe(
      "name,age,email\nAlice,30,a@x.com\n",
    );
    const t = await run(csvAnalyzer, {
      input: csv,
      operation: "transform",
      options: { rename_columns: { name: "who" }, add_columns: { double: "age * 2" } },
    });
    expect(t.text.split("\n").slice(0, 2)).toEqual(["who,age,email,double", "Alice,30,a@x.com,60.00"]);
    const v = await run(csvAnalyzer, {
      input: csv,
      operation: "validate",
      options: { rules: { email: "email", age: "range:26-50" } },
    });
    expect(v.data).toEqual({
      valid: false,
      errors: [
        { row: 2, column: "email", value: "bob", error: "Invalid email format" },
        { row: 2, column: "age", value: "25", error: "Value 25 is outside range 26-50" },
      ],
      total_rows: 3,
      error_count: 2,
    });
    expect(v.metadata.validation_result).toEqual(v.data);
  });

  it("caps the rows analyzed and the parse errors kept", async () => {
    const many = `a,b\n${Array.from({ length: CSV_LIMITS.maxAnalysisRows + 50 }, (_, i) => `${i},x`).join("\n")}\n`;
    expect((await run(csvAnalyzer, { input: many })).data.row_count).toBe(CSV_LIMITS.maxAnalysisRows);
    const broken = `a,b\n${"1,2\n".repeat(5)}${Array.from({ length: 20 }, () => "1,2,3").join("\n")}\n`;
    const r = await run(csvAnalyzer, { input: broken });
    expect(r.data.parse_errors).toHaveLength(CSV_LIMITS.maxParseErrors + 1);
    expect(r.data.parse_errors.at(-1)).toBe("... more errors omitted");
  });

  it("raises for bad options and unsupported formats", async () => {
    await expectToolError(run(csvAnalyzer, {}), /missing required parameter 'input'/);
    await expectToolError(run(csvAnalyzer, { input: "single" }), /Could not detect CSV delimiter/);
    await expectToolError(run(csvAnalyzer, { input: csv, operation: "convert" }), /requires 'format'/);
    await expectToolError(
      run(csvAnalyzer, { input: csv, operation: "convert", options: { format: "parquet" } }),
      /not available in the playground/,
    );
    await expectToolError(
      run(csvAnalyzer, { input: csv, operation: "filter", options: { filter: "age>26" } }),
      /'column operator value'/,
    );
    await expectToolError(
      run(csvAnalyzer, { input: csv, operation: "filter", options: { filter: "height > 1" } }),
      /Column 'height' not found/,
    );
    await expectToolError(
      run(csvAnalyzer, { input: csv, operation: "filter", options: { filter: "age ~ 1" } }),
      /Unknown operator: ~/,
    );
    await expectToolError(run(csvAnalyzer, { input: csv, operation: "validate", options: {} }), /requires 'rules'/);
    await expectToolError(
      run(csvAnalyzer, { input: `a,b\n${"1,2\n".repeat(5)}1,2,3\n`, operation: "sample" }),
      /found record with 3 fields/,
    );
  });
});
