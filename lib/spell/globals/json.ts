/**
 * JSON: `JSON.parse(s)` and `JSON.stringify(v, {pretty = true}?)`. Lua gets this module; JavaScript keeps its
 * standard JSON, with `JSON_JS_PRELUDE` adding the options object.
 */
import { SpellError } from "@/lib/core/errors";
import type { SpellContext } from "../core/context";
import { str, table } from "../core/validate";
import { errorMessage } from "../core/values";
import type { GlobalModule } from "./module";

export function createJsonModule(ctx: SpellContext): GlobalModule {
  const { check } = ctx;
  return {
    name: "JSON",
    global: {
      functions: {
        parse: ([s]) => {
          const text = check("JSON.parse", "text", str, s);
          try {
            return JSON.parse(text);
          } catch (e) {
            throw new SpellError("runtime", `JSON parse error: ${errorMessage(e)}`);
          }
        },
        stringify: ([v, opts]) => {
          const o = opts === undefined || opts === null ? {} : check("JSON.stringify", "options", table, opts);
          const indent = o.pretty === true ? 2 : typeof o.indent === "number" ? o.indent : undefined;
          return JSON.stringify(ctx.jsonArg(v, "JSON.stringify", "value", "turned into JSON"), null, indent);
        },
      },
    },
  };
}

/**
 * JavaScript keeps its standard JSON. This prelude only teaches `JSON.stringify` the options object docs/spell-api.md
 * shows as its second argument (`JSON.stringify(v, { pretty: true })`, or `{ indent: 4 }`), which standard JSON
 * would ignore (a replacer that is neither a function nor an array). Every standard call behaves as before.
 */
export const JSON_JS_PRELUDE = `
(() => {
  const standard = JSON.stringify;
  const stringify = function stringify(value, replacer, space) {
    if (space === undefined && replacer !== null && typeof replacer === "object" && !Array.isArray(replacer)) {
      const indent = replacer.pretty === true ? 2 : typeof replacer.indent === "number" ? replacer.indent : undefined;
      return standard(value, null, indent);
    }
    return standard(value, replacer, space);
  };
  Object.defineProperty(JSON, "stringify", { value: stringify, writable: true, configurable: true, enumerable: false });
})();
`;
