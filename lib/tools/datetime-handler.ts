/**
 * `datetime-handler`: parse, now, convert_timezone, add/subtract, difference, info and formats, as rs-llmspell's
 * DateTimeHandlerTool (chrono). Unparseable dates and unknown zones raise, as in rs.
 */
import type { JsonValue } from "@/lib/core/json";
import { defineTool, paramError, requireString, success } from "./support";
import {
  checkTimeZone,
  DATE_FORMATS,
  daysInMonth,
  fieldsAt,
  fieldsInZone,
  formatDateTime,
  formatDuration,
  isLeapYear,
  isoWeek,
  MAX_EPOCH_MS,
  ordinal,
  parseDateTime,
  WEEKDAYS,
  type Instant,
} from "./internal/time";
import type { JsonObject } from "./types";

const ISO = "%Y-%m-%dT%H:%M:%S%.fZ";
/** Longest `format` string accepted (formatting cost is linear in it). */
export const MAX_FORMAT_LENGTH = 256;

const UNITS: Record<string, number> = {};
for (const [names, secs] of [
  [["second", "seconds", "sec", "secs", "s"], 1],
  [["minute", "minutes", "min", "mins", "m"], 60],
  [["hour", "hours", "hr", "hrs", "h"], 3600],
  [["day", "days", "d"], 86400],
  [["week", "weeks", "w"], 604800],
] as const) {
  for (const n of names) UNITS[n] = secs;
}

function parseParam(params: JsonObject, name: string, label = "date"): Instant {
  const text = requireString(params, name, String(params.operation ?? "parse"));
  try {
    return parseDateTime(text);
  } catch (e) {
    throw paramError(`Failed to parse ${label}: ${(e as Error).message} (parameter '${name}')`);
  }
}

function formatParam(params: JsonObject, fallback: string): string {
  const f = params.format;
  if (f === undefined || f === null) return fallback;
  if (typeof f !== "string") throw paramError("parameter 'format' must be string");
  if (f.length > MAX_FORMAT_LENGTH)
    throw paramError(`parameter 'format' is too long (limit ${MAX_FORMAT_LENGTH} characters)`);
  return f;
}

function zoneParam(params: JsonObject, name: string): string {
  const tz = requireString(params, name, String(params.operation));
  if (!checkTimeZone(tz)) throw paramError(`Invalid timezone: ${tz} (parameter '${name}')`);
  return tz;
}

const utc = (i: Instant, f: string) => formatDateTime(fieldsAt(i), f);

function run(params: JsonObject): JsonValue {
  const operation = (params.operation as string | undefined) ?? "parse";
  switch (operation) {
    case "parse": {
      const input = requireString(params, "input", operation);
      const inst = parseParam(params, "input");
      const format = formatParam(params, ISO);
      const f = fieldsAt(inst);
      return success("parse", "Date parsed successfully", {
        input,
        parsed: {
          utc: formatDateTime(f, format),
          timestamp: Math.floor(inst.ms / 1000),
          year: f.year,
          month: f.month,
          day: f.day,
          hour: f.hour,
          minute: f.minute,
          second: f.second,
          weekday: WEEKDAYS[f.weekday],
        },
        format_used: format,
      }) as unknown as JsonValue;
    }
    case "now": {
      const format = formatParam(params, ISO);
      const nowMs = Date.now();
      const inst: Instant = { ms: nowMs, nanos: (nowMs % 1000) * 1_000_000 };
      let datetime: string;
      let timezone: string;
      if (params.timezone !== undefined && params.timezone !== null) {
        timezone = zoneParam(params, "timezone");
        datetime = formatDateTime(fieldsInZone(inst, timezone), format);
      } else {
        timezone = "local";
        const offset = -new Date(nowMs).getTimezoneOffset();
        datetime = formatDateTime(fieldsAt(inst, offset, offset === 0 ? "UTC" : ""), format);
      }
      return success("now", "Current time retrieved", { timezone, datetime, format }) as unknown as JsonValue;
    }
    case "convert_timezone": {
      const input = requireString(params, "input", operation);
      const target = zoneParam(params, "target_timezone");
      const inst = parseParam(params, "input");
      const format = formatParam(params, "%Y-%m-%d %H:%M:%S %Z");
      return success("convert_timezone", "Timezone converted successfully", {
        input,
        target_timezone: target,
        original: utc(inst, format),
        converted: formatDateTime(fieldsInZone(inst, target), format),
      }) as unknown as JsonValue;
    }
    case "add":
    case "subtract": {
      const input = requireString(params, "input", operation);
      const amount = params.amount;
      if (typeof amount !== "number" || !Number.isSafeInteger(amount)) {
        throw paramError("Missing or invalid 'amount' parameter (must be an integer)");
      }
      const unit = requireString(params, "unit", operation);
      const secs = UNITS[unit.toLowerCase()];
      if (secs === undefined)
        throw paramError(`Failed to ${operation} duration: Unknown time unit: ${unit} (parameter 'unit')`);
      const inst = parseParam(params, "input");
      const deltaMs = (operation === "add" ? amount : -amount) * secs * 1000;
      const ms = inst.ms + deltaMs;
      if (!Number.isFinite(ms) || Math.abs(ms) > MAX_EPOCH_MS)
        throw paramError(`Failed to ${operation} duration: Date arithmetic overflow`);
      const format = formatParam(params, ISO);
      return success(operation, `${operation} operation completed`, {
        input,
        amount,
        unit,
        original: utc(inst, format),
        result: utc({ ms, nanos: inst.nanos }, format),
      }) as unknown as JsonValue;
    }
    case "difference": {
      const start = requireString(params, "start", operation);
      const end = requireString(params, "end", operation);
      const a = parseParam(params, "start", "start date");
      const b = parseParam(params, "end", "end date");
      const totalMs = b.ms - a.ms;
      const trunc = (x: number) => Math.trunc(x) + 0;
      const totalSeconds = trunc(totalMs / 1000);
      return success("difference", "Date difference calculated", {
        start,
        end,
        difference: {
          total_seconds: totalSeconds,
          days: trunc(totalSeconds / 86400),
          hours: trunc(totalSeconds / 3600),
          minutes: trunc(totalSeconds / 60),
          human_readable: formatDuration(totalSeconds),
        },
      }) as unknown as JsonValue;
    }
    case "info": {
      const input = requireString(params, "input", operation);
      const inst = parseParam(params, "input");
      const f = fieldsAt(inst);
      const dayStart = inst.ms - (((inst.ms % 86_400_000) + 86_400_000) % 86_400_000);
      return success("info", "Date information retrieved", {
        input,
        info: {
          year: f.year,
          month: f.month,
          day: f.day,
          hour: f.hour,
          minute: f.minute,
          second: f.second,
          weekday: WEEKDAYS[f.weekday],
          day_of_year: ordinal(f),
          week_of_year: isoWeek(f),
          is_leap_year: isLeapYear(f.year),
          days_in_month: daysInMonth(f.year, f.month),
          start_of_day: utc({ ms: dayStart, nanos: 0 }, ISO),
          end_of_day: utc({ ms: dayStart + 86_399_999, nanos: 999_999_999 }, ISO),
        },
      }) as unknown as JsonValue;
    }
    case "formats":
      return success("formats", "Available date formats", {
        available_formats: [...DATE_FORMATS],
        example_formats: {
          ISO8601: "%Y-%m-%dT%H:%M:%S%.fZ",
          RFC3339: "%Y-%m-%d %H:%M:%S%:z",
          RFC2822: "%a, %d %b %Y %H:%M:%S %z",
          "Unix timestamp": "timestamp",
          "Human readable": "%B %d, %Y at %I:%M %p",
          "Date only": "%Y-%m-%d",
          "Time only": "%H:%M:%S",
        },
      }) as unknown as JsonValue;
    default:
      throw paramError(`Unknown operation: ${operation}`);
  }
}

export const datetimeHandler = defineTool({
  name: "datetime-handler",
  aliases: ["datetime_handler", "date-time-handler", "date_time_handler"],
  description: "Date and time manipulation: parsing, timezone conversion, arithmetic, formatting",
  category: "utility",
  tags: ["date", "time", "timezone"],
  schema: {
    type: "object",
    properties: {
      operation: {
        type: "string",
        enum: ["parse", "now", "convert_timezone", "add", "subtract", "difference", "info", "formats"],
        default: "parse",
        description: "Operation to perform",
      },
      input: {
        type: "string",
        description: "Date/time text (ISO 8601, RFC 2822, Unix timestamp, 2024/01/15, January 15, 2024 ...)",
      },
      format: { type: "string", maxLength: MAX_FORMAT_LENGTH, description: "Output format (strftime, e.g. %Y-%m-%d)" },
      timezone: { type: "string", description: "IANA zone for now (e.g. America/New_York); local time when omitted" },
      target_timezone: { type: "string", description: "IANA zone to convert to (convert_timezone)" },
      amount: { type: "integer", description: "Amount to add or subtract" },
      unit: { type: "string", description: "seconds, minutes, hours, days or weeks" },
      start: { type: "string", description: "Start date (difference)" },
      end: { type: "string", description: "End date (difference)" },
    },
  },
  run: (params) => ({ json: run(params) }),
  // `now` reads the clock; every other operation is a function of its parameters.
  nondeterministic: (params) => params.operation === "now",
});
