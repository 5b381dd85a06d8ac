/**
 * jq's `@format`s (`@text`, `@json`, `@html`, `@uri`, `@csv`, `@tsv`, `@sh`, `@base64`, `@base64d`), each a function
 * from a value to a string, used both as filters (`@csv`) and to format the interpolations of `@sh "..."`.
 */
import { fail, JqError } from "./errors";
import type { Json } from "./types";
import { errDesc, tojson } from "./values";

export const FORMATS: Record<string, (v: Json) => string> = {
  text: (v) => (typeof v === "string" ? v : tojson(v)),
  json: (v) => tojson(v),
  html: (v) =>
    FORMATS.text(v).replace(
      /[<>&'"]/g,
      (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!,
    ),
  uri: (v) =>
    FORMATS.text(v).replace(/[^A-Za-z0-9\-_.~]/g, (c) =>
      Array.from(new TextEncoder().encode(c), (x) => `%${x.toString(16).toUpperCase().padStart(2, "0")}`).join(""),
    ),
  csv: (v) => {
    if (!Array.isArray(v)) throw new JqError(`${errDesc(v)} cannot be csv-formatted, only array`);
    return v
      .map((x) =>
        typeof x === "string"
          ? `"${x.replace(/"/g, '""')}"`
          : typeof x === "number"
            ? String(x)
            : typeof x === "boolean"
              ? String(x)
              : x === null
                ? ""
                : fail(`${errDesc(x)} is not valid in a csv row`),
      )
      .join(",");
  },
  tsv: (v) => {
    if (!Array.isArray(v)) throw new JqError(`${errDesc(v)} cannot be tsv-formatted, only array`);
    return v
      .map((x) =>
        typeof x === "string"
          ? x.replace(/[\\\t\n\r]/g, (c) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[c]!)
          : x === null
            ? ""
            : typeof x === "object"
              ? fail(`${errDesc(x)} is not valid in a tsv row`)
              : String(x),
      )
      .join("\t");
  },
  sh: (v) =>
    (Array.isArray(v) ? v : [v])
      .map((x) =>
        typeof x === "string"
          ? `'${x.replace(/'/g, "'\\''")}'`
          : typeof x === "object" && x !== null
            ? fail(`${errDesc(x)} can not be escaped for shell`)
            : String(x),
      )
      .join(" "),
  base64: (v) => {
    const bytes = new TextEncoder().encode(FORMATS.text(v));
    let bin = "";
    for (const b of bytes) bin += String.fromCharCode(b);
    return btoa(bin);
  },
  base64d: (v) => {
    const s = FORMATS.text(v);
    try {
      const bin = atob(s.replace(/=+$/, "").padEnd(Math.ceil(s.replace(/=+$/, "").length / 4) * 4, "="));
      return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
    } catch {
      throw new JqError(`${errDesc(v)} is not valid base64 data`);
    }
  },
};
