/**
 * The date/time helpers of rs-llmspell's `llmspell-utils/src/time.rs` (chrono), in plain JS: a parser for the
 * same list of formats, a strftime formatter for chrono's common specifiers, and time-zone conversion with
 * `Intl.DateTimeFormat` (IANA names; works in Node and browsers, no data download).
 */

/** rs-llmspell's DATE_FORMATS, tried in order after timestamps, RFC 3339 and RFC 2822. */
export const DATE_FORMATS = [
  "%Y-%m-%dT%H:%M:%S%.fZ",
  "%Y-%m-%dT%H:%M:%SZ",
  "%Y-%m-%dT%H:%M:%S%z",
  "%Y-%m-%dT%H:%M:%S%:z",
  "%Y-%m-%d %H:%M:%S",
  "%Y-%m-%d",
  "%a, %d %b %Y %H:%M:%S GMT",
  "%a, %d %b %Y %H:%M:%S %z",
  "%Y/%m/%d %H:%M:%S",
  "%Y/%m/%d",
  "%d/%m/%Y %H:%M:%S",
  "%d/%m/%Y",
  "%m/%d/%Y %H:%M:%S",
  "%m/%d/%Y",
  "%d-%m-%Y %H:%M:%S",
  "%d-%m-%Y",
  "%d.%m.%Y %H:%M:%S",
  "%d.%m.%Y",
  "%B %d, %Y %H:%M:%S",
  "%B %d, %Y",
  "%b %d, %Y %H:%M:%S",
  "%b %d, %Y",
] as const;

export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** JS Date's range (±8.64e15 ms); chrono's is wider, so arithmetic past it reports an overflow. */
export const MAX_EPOCH_MS = 8.64e15;

/** A moment: epoch milliseconds plus the sub-millisecond nanoseconds chrono keeps. */
export interface Instant {
  ms: number;
  /** Nanoseconds within the second (0..999_999_999). */
  nanos: number;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

function instantFrom(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  nanos: number,
  offsetMin: number,
): Instant | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 60) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d); // not Date.UTC: it maps years 0..99 to 1900..1999
  date.setUTCHours(h, mi, s, 0);
  return { ms: date.getTime() - offsetMin * 60_000, nanos };
}

function monthIndex(name: string, full: boolean): number {
  const i = MONTHS.findIndex((m) =>
    full ? m.toLowerCase() === name.toLowerCase() : m.slice(0, 3).toLowerCase() === name.toLowerCase(),
  );
  return i + 1;
}

function offsetMinutes(z: string): number {
  if (z === "Z" || z === "z" || z === "GMT" || z === "UT" || z === "UTC") return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z);
  if (!m) return NaN;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

const TOKEN_RE: Record<string, string> = {
  "%Y": "([+-]?\\d{4,6})",
  "%m": "(\\d{1,2})",
  "%d": "(\\d{1,2})",
  "%H": "(\\d{1,2})",
  "%M": "(\\d{1,2})",
  "%S": "(\\d{1,2})",
  "%.f": "(\\.\\d{1,9})?",
  "%z": "([+-]\\d{4})",
  "%:z": "([+-]\\d{2}:\\d{2})",
  "%a": "(Mon|Tue|Wed|Thu|Fri|Sat|Sun)",
  "%b": "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)",
  "%B": "(January|February|March|April|May|June|July|August|September|October|November|December)",
};

/** strptime for the tokens DATE_FORMATS uses. */
export function parseWithFormat(input: string, format: string): Instant | undefined {
  const fields: string[] = [];
  let re = "^";
  for (let i = 0; i < format.length;) {
    const tok = format.startsWith("%.f", i)
      ? "%.f"
      : format.startsWith("%:z", i)
        ? "%:z"
        : format[i] === "%"
          ? format.slice(i, i + 2)
          : "";
    if (tok && TOKEN_RE[tok]) {
      re += TOKEN_RE[tok];
      fields.push(tok);
      i += tok.length;
    } else {
      re += format[i].replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
      i++;
    }
  }
  const m = new RegExp(`${re}$`, "i").exec(input);
  if (!m) return undefined;
  let y = NaN,
    mo = 1,
    d = 1,
    h = 0,
    mi = 0,
    s = 0,
    nanos = 0,
    off = 0;
  fields.forEach((f, idx) => {
    const v = m[idx + 1];
    switch (f) {
      case "%Y":
        y = Number(v);
        break;
      case "%m":
        mo = Number(v);
        break;
      case "%d":
        d = Number(v);
        break;
      case "%H":
        h = Number(v);
        break;
      case "%M":
        mi = Number(v);
        break;
      case "%S":
        s = Number(v);
        break;
      case "%.f":
        nanos = v ? Number(v.slice(1).padEnd(9, "0")) : 0;
        break;
      case "%z":
      case "%:z":
        off = offsetMinutes(v);
        break;
      case "%b":
        mo = monthIndex(v, false);
        break;
      case "%B":
        mo = monthIndex(v, true);
        break;
    }
  });
  if (Number.isNaN(y) || Number.isNaN(off)) return undefined;
  const inst = instantFrom(y, mo, d, h, mi, s, nanos, off);
  if (inst) inst.ms += Math.floor(nanos / 1e6);
  return inst;
}

const RFC3339 = /^([+-]?\d{4,6})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;
const RFC2822 =
  /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),\s*)?(\d{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s+([+-]\d{4}|GMT|UT|UTC|Z)$/i;

/** rs-llmspell's `parse_datetime`: a Unix timestamp, RFC 3339, RFC 2822, then DATE_FORMATS (naive = UTC). */
export function parseDateTime(input: string): Instant {
  if (/^[+-]?\d+$/.test(input)) {
    const secs = Number(input);
    if (Number.isSafeInteger(secs) && Math.abs(secs * 1000) <= MAX_EPOCH_MS) return { ms: secs * 1000, nanos: 0 };
  }
  let m = RFC3339.exec(input);
  if (m) {
    const nanos = m[7] ? Number(m[7].slice(1).padEnd(9, "0")) : 0;
    const inst = instantFrom(+m[1], +m[2], +m[3], +m[4], +m[5], +m[6], nanos, offsetMinutes(m[8].toUpperCase()));
    if (inst) {
      inst.ms += Math.floor(nanos / 1e6);
      return inst;
    }
  }
  m = RFC2822.exec(input);
  if (m) {
    const inst = instantFrom(
      +m[3],
      monthIndex(m[2], false),
      +m[1],
      +m[4],
      +m[5],
      m[6] ? +m[6] : 0,
      0,
      offsetMinutes(m[7].toUpperCase()),
    );
    if (inst) return inst;
  }
  for (const f of DATE_FORMATS) {
    const inst = parseWithFormat(input, f);
    if (inst) return inst;
  }
  throw new Error(`Could not parse '${input}' as a date/time`);
}

/** Wall-clock fields of an instant in a zone offset (minutes east of UTC). */
export interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  nanos: number;
  weekday: number; // 0 = Sunday
  offsetMin: number;
  zoneName: string;
}

export function fieldsAt(inst: Instant, offsetMin = 0, zoneName = "UTC"): Fields {
  const d = new Date(inst.ms + offsetMin * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    nanos: inst.nanos,
    weekday: d.getUTCDay(),
    offsetMin,
    zoneName,
  };
}

/** Check an IANA zone name; undefined if unknown. */
export function checkTimeZone(tz: string): string | undefined {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** Fields of an instant in an IANA zone (offset and abbreviation from Intl). */
export function fieldsInZone(inst: Instant, tz: string): Fields {
  const fmt = new Intl.DateTimeFormat("en-US", {
    timeZone: tz,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
    timeZoneName: "short",
  });
  const parts = Object.fromEntries(fmt.formatToParts(new Date(inst.ms)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  const offsetMin = Math.round((wall - Math.floor(inst.ms / 1000) * 1000) / 60_000);
  return fieldsAt(inst, offsetMin, parts.timeZoneName ?? tz);
}

function pad(n: number, w = 2, ch = "0"): string {
  const s = String(Math.abs(n));
  return (n < 0 ? "-" : "") + s.padStart(w, ch);
}

function offsetText(min: number, colon: boolean): string {
  const sign = min < 0 ? "-" : "+";
  const a = Math.abs(min);
  return `${sign}${pad(Math.floor(a / 60))}${colon ? ":" : ""}${pad(a % 60)}`;
}

function dayOfYear(f: Fields): number {
  return (Date.UTC(f.year, f.month - 1, f.day) - Date.UTC(f.year, 0, 1)) / 86_400_000 + 1;
}

export function isoWeek(f: Fields): number {
  const d = new Date(Date.UTC(2000, 0, 1));
  d.setUTCFullYear(f.year, f.month - 1, f.day);
  const dayNum = d.getUTCDay() || 7; // Monday = 1 ... Sunday = 7
  d.setUTCDate(d.getUTCDate() + 4 - dayNum); // the Thursday of this ISO week decides its year
  const yearStart = new Date(Date.UTC(2000, 0, 1));
  yearStart.setUTCFullYear(d.getUTCFullYear(), 0, 1);
  return Math.ceil(((d.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7);
}

export function ordinal(f: Fields): number {
  return dayOfYear(f);
}

function fraction(nanos: number): string {
  if (nanos === 0) return "";
  if (nanos % 1_000_000 === 0) return `.${pad(nanos / 1_000_000, 3)}`;
  if (nanos % 1000 === 0) return `.${pad(nanos / 1000, 6)}`;
  return `.${pad(nanos, 9)}`;
}

/** chrono-style strftime for the common specifiers; unknown ones are kept as written. */
export function formatDateTime(f: Fields, format: string): string {
  let out = "";
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c !== "%" || i === format.length - 1) {
      out += c;
      continue;
    }
    let spec = format[++i];
    if (spec === "." && /[0-9f]/.test(format[i + 1] ?? "")) {
      // %.f, %.3f, %.6f, %.9f
      let digits = "";
      while (/[0-9]/.test(format[i + 1] ?? "")) digits += format[++i];
      if (format[i + 1] === "f") i++;
      out += digits ? `.${pad(Math.floor(f.nanos / 10 ** (9 - Number(digits))), Number(digits))}` : fraction(f.nanos);
      continue;
    }
    if (spec === ":" && format[i + 1] === "z") {
      i++;
      out += offsetText(f.offsetMin, true);
      continue;
    }
    const h12 = f.hour % 12 === 0 ? 12 : f.hour % 12;
    switch (spec) {
      case "Y":
        out += f.year >= 0 && f.year <= 9999 ? pad(f.year, 4) : (f.year > 0 ? "+" : "") + String(f.year);
        break;
      case "C":
        out += pad(Math.floor(f.year / 100));
        break;
      case "y":
        out += pad(((f.year % 100) + 100) % 100);
        break;
      case "m":
        out += pad(f.month);
        break;
      case "d":
        out += pad(f.day);
        break;
      case "e":
        out += pad(f.day, 2, " ");
        break;
      case "H":
        out += pad(f.hour);
        break;
      case "I":
        out += pad(h12);
        break;
      case "k":
        out += pad(f.hour, 2, " ");
        break;
      case "l":
        out += pad(h12, 2, " ");
        break;
      case "M":
        out += pad(f.minute);
        break;
      case "S":
        out += pad(f.second);
        break;
      case "f":
        out += pad(f.nanos, 9);
        break;
      case "p":
        out += f.hour < 12 ? "AM" : "PM";
        break;
      case "P":
        out += f.hour < 12 ? "am" : "pm";
        break;
      case "a":
        out += WEEKDAYS[f.weekday].slice(0, 3);
        break;
      case "A":
        out += WEEKDAYS[f.weekday];
        break;
      case "b":
      case "h":
        out += MONTHS[f.month - 1].slice(0, 3);
        break;
      case "B":
        out += MONTHS[f.month - 1];
        break;
      case "j":
        out += pad(dayOfYear(f), 3);
        break;
      case "u":
        out += String(f.weekday === 0 ? 7 : f.weekday);
        break;
      case "w":
        out += String(f.weekday);
        break;
      case "V":
        out += pad(isoWeek(f));
        break;
      case "z":
        out += offsetText(f.offsetMin, false);
        break;
      case "Z":
        out += f.zoneName;
        break;
      case "s":
        out += String(
          Math.floor((Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - f.offsetMin * 60_000) / 1000),
        );
        break;
      case "F":
        out += `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}`;
        break;
      case "D":
      case "x":
        out += `${pad(f.month)}/${pad(f.day)}/${pad(((f.year % 100) + 100) % 100)}`;
        break;
      case "T":
      case "X":
        out += `${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}`;
        break;
      case "R":
        out += `${pad(f.hour)}:${pad(f.minute)}`;
        break;
      case "c":
        out += `${WEEKDAYS[f.weekday].slice(0, 3)} ${MONTHS[f.month - 1].slice(0, 3)} ${pad(f.day, 2, " ")} ${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)} ${f.year}`;
        break;
      case "n":
        out += "\n";
        break;
      case "t":
        out += "\t";
        break;
      case "%":
        out += "%";
        break;
      default:
        spec = `%${spec}`;
        out += spec;
    }
  }
  return out;
}

/** chrono's `format_duration` (rs `llmspell-utils/src/time.rs`). */
export function formatDuration(totalSecondsSigned: number): string {
  const total = Math.abs(totalSecondsSigned);
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const parts: string[] = [];
  const unit = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;
  if (days > 0) parts.push(unit(days, "day"));
  if (hours > 0) parts.push(unit(hours, "hour"));
  if (minutes > 0) parts.push(unit(minutes, "minute"));
  if (seconds > 0 || parts.length === 0) parts.push(unit(seconds, "second"));
  return totalSecondsSigned < 0 ? `${parts.join(", ")} ago` : parts.join(", ");
}
