/** JSON: `JSON.parse(s)` and `JSON.stringify(v, {pretty = true}?)`. (JavaScript keeps its own JSON too; see the prelude.) */
import { SpellError } from "@/engines/bridge";
import type { SpellContext } from "../core/context";
import { str, table } from "../core/validate";
import { errorMessage, toJson } from "../core/values";
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
          return JSON.stringify(toJson(v), null, indent);
        },
      },
    },
  };
}
