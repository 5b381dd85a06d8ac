import { afterEach, describe, expect, it, vi } from "vitest";
import { datetimeHandler, MAX_FORMAT_LENGTH } from "./datetime-handler";
import { parseDateTime } from "./internal/time";
import { expectToolError, run } from "./testing";

describe("datetime-handler", () => {
  afterEach(() => vi.useRealTimers());

  it("parses the rs formats", () => {
    const iso = (s: string) => new Date(parseDateTime(s).ms).toISOString();
    expect(iso("1705314600")).toBe("2024-01-15T10:30:00.000Z");
    expect(iso("2024-01-15T10:30:00+02:00")).toBe("2024-01-15T08:30:00.000Z");
    expect(iso("Mon, 15 Jan 2024 10:30:00 GMT")).toBe("2024-01-15T10:30:00.000Z");
    expect(iso("2024-01-15 10:30:00")).toBe("2024-01-15T10:30:00.000Z");
    expect(iso("2024/01/15")).toBe("2024-01-15T00:00:00.000Z");
    expect(iso("15.01.2024")).toBe("2024-01-15T00:00:00.000Z");
    expect(iso("January 15, 2024")).toBe("2024-01-15T00:00:00.000Z");
    expect(iso("Jan 15, 2024 10:30:00")).toBe("2024-01-15T10:30:00.000Z");
    expect(() => parseDateTime("2024-02-30")).toThrow("Could not parse");
  });

  it("parse returns rs's shape", async () => {
    const r = await run(datetimeHandler, { input: "2024-01-15T10:30:00.5Z" });
    expect(r.result).toEqual({
      input: "2024-01-15T10:30:00.5Z",
      parsed: {
        utc: "2024-01-15T10:30:00.500Z",
        timestamp: 1705314600,
        year: 2024,
        month: 1,
        day: 15,
        hour: 10,
        minute: 30,
        second: 0,
        weekday: "Monday",
      },
      format_used: "%Y-%m-%dT%H:%M:%S%.fZ",
    });
    const f = await run(datetimeHandler, { input: "2024-01-15", format: "%A %d %B %Y, %I:%M %p (%j)" });
    expect(f.result.parsed.utc).toBe("Monday 15 January 2024, 12:00 AM (015)");
  });

  it("now in a zone and locally", async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2024-07-01T12:00:00Z"));
    const r = await run(datetimeHandler, { operation: "now", timezone: "Asia/Tokyo", format: "%Y-%m-%d %H:%M %:z" });
    expect(r.result).toEqual({
      timezone: "Asia/Tokyo",
      datetime: "2024-07-01 21:00 +09:00",
      format: "%Y-%m-%d %H:%M %:z",
    });
    expect((await run(datetimeHandler, { operation: "now" })).result.timezone).toBe("local");
  });

  it("converts time zones", async () => {
    const r = await run(datetimeHandler, {
      operation: "convert_timezone",
      input: "2024-01-15T12:00:00Z",
      target_timezone: "America/New_York",
    });
    expect(r.result).toEqual({
      input: "2024-01-15T12:00:00Z",
      target_timezone: "America/New_York",
      original: "2024-01-15 12:00:00 UTC",
      converted: "2024-01-15 07:00:00 EST",
    });
  });

  it("adds and subtracts", async () => {
    expect(
      (await run(datetimeHandler, { operation: "add", input: "2024-01-31", amount: 1, unit: "days" })).result,
    ).toEqual({
      input: "2024-01-31",
      amount: 1,
      unit: "days",
      original: "2024-01-31T00:00:00Z",
      result: "2024-02-01T00:00:00Z",
    });
    expect(
      (await run(datetimeHandler, { operation: "subtract", input: "2024-03-01", amount: 2, unit: "w" })).result.result,
    ).toBe("2024-02-16T00:00:00Z");
    expect(
      (await run(datetimeHandler, { operation: "add", input: "2024-01-01T00:00:00Z", amount: 90, unit: "minutes" }))
        .message,
    ).toBe("add operation completed");
  });

  it("computes differences", async () => {
    const r = await run(datetimeHandler, { operation: "difference", start: "2024-01-01", end: "2024-01-02 03:04:05" });
    expect(r.result.difference).toEqual({
      total_seconds: 97445,
      days: 1,
      hours: 27,
      minutes: 1624,
      human_readable: "1 day, 3 hours, 4 minutes, 5 seconds",
    });
    const back = await run(datetimeHandler, { operation: "difference", start: "2024-01-02", end: "2024-01-01" });
    expect(back.result.difference.human_readable).toBe("1 day ago");
  });

  it("reports info", async () => {
    const r = await run(datetimeHandler, { operation: "info", input: "2024-02-10T15:00:00Z" });
    expect(r.result.info).toEqual({
      year: 2024,
      month: 2,
      day: 10,
      hour: 15,
      minute: 0,
      second: 0,
      weekday: "Saturday",
      day_of_year: 41,
      week_of_year: 6,
      is_leap_year: true,
      days_in_month: 29,
      start_of_day: "2024-02-10T00:00:00Z",
      end_of_day: "2024-02-10T23:59:59.999999999Z",
    });
    expect((await run(datetimeHandler, { operation: "info", input: "2021-01-01" })).result.info.week_of_year).toBe(53);
  });

  it("lists formats", async () => {
    const r = await run(datetimeHandler, { operation: "formats" });
    expect(r.result.available_formats).toContain("%d.%m.%Y");
    expect(r.result.example_formats.ISO8601).toBe("%Y-%m-%dT%H:%M:%S%.fZ");
  });

  it("raises for bad input, naming the parameter", async () => {
    await expectToolError(
      run(datetimeHandler, { input: "garbage" }),
      /Failed to parse date: Could not parse 'garbage'.*parameter 'input'/,
    );
    await expectToolError(run(datetimeHandler, { operation: "parse" }), /missing required parameter 'input'/);
    await expectToolError(
      run(datetimeHandler, { operation: "convert_timezone", input: "2024-01-01", target_timezone: "Mars/Base" }),
      /Invalid timezone: Mars\/Base/,
    );
    await expectToolError(
      run(datetimeHandler, { operation: "add", input: "2024-01-01", amount: 1.5, unit: "days" }),
      /parameter 'amount' must be integer/,
    );
    await expectToolError(
      run(datetimeHandler, { operation: "add", input: "2024-01-01", amount: 1, unit: "fortnights" }),
      /Unknown time unit: fortnights/,
    );
    await expectToolError(
      run(datetimeHandler, { operation: "add", input: "2024-01-01", amount: 1e12, unit: "weeks" }),
      /Date arithmetic overflow/,
    );
    await expectToolError(
      run(datetimeHandler, { operation: "difference", start: "2024-01-01" }),
      /missing required parameter 'end'/,
    );
    await expectToolError(run(datetimeHandler, { operation: "yesterday" }), /parameter 'operation' must be one of/);
  });

  it("limits the format length", async () => {
    await expectToolError(
      run(datetimeHandler, { input: "2024-01-01", format: "%Y".repeat(MAX_FORMAT_LENGTH) }),
      /parameter 'format' must NOT have more than 256 characters/,
    );
  });
});
