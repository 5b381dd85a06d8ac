/**
 * `template-creator`: renders a Tera-style template with nunjucks (Jinja2 family, the closest to Tera) or a
 * Handlebars template with handlebars.js, chosen as rs-llmspell does (`engine`, else auto-detection).
 *
 * Sandboxing: templates see only the context's own data. During a nunjucks render the runtime's member
 * lookup is replaced by one that reads own, non-function properties only (no `constructor`, no prototype
 * chain, no methods), there are no loaders (no include/import/extends), `range` is capped, and every frame
 * write, output and filter result counts against a work and size budget, so loops cannot run away.
 * Handlebars keeps its built-in prototype-access protection; `each`/`with` iterations count against the same
 * budget. Tera's named filter arguments (`truncate(length=5)`, `default(value="x")`) are mapped to
 * nunjucks' positional ones.
 */
import type Handlebars from "handlebars";
import type nunjucks from "nunjucks";
import type { JsonValue } from "@/lib/core/json";
import { createLazyModule } from "./internal/lazy";
import { defineTool, paramError, success, TOOL_LIMITS } from "./support";
import { utf8Length } from "@/lib/encoding/utf8";
import type { JsonObject } from "./types";

/** nunjucks and handlebars are heavy: each is imported on the first render that uses it. */
const nunjucksModule = createLazyModule("nunjucks", async () => (await import("./internal/libs/templates")).nunjucks);
const handlebarsModule = createLazyModule(
  "handlebars",
  async () => (await import("./internal/libs/templates")).Handlebars,
);

/** Load the library that renders `engine`'s templates. */
async function loadTemplateEngine(engine: "tera" | "handlebars"): Promise<void> {
  await (engine === "tera" ? nunjucksModule.load() : handlebarsModule.load());
}

export const TEMPLATE_LIMITS = {
  /** rs-llmspell's max_template_size (1 MiB). */
  maxTemplateBytes: 1024 * 1024,
  /** rs-llmspell's max_context_size (10 MiB, of JSON). */
  maxContextBytes: 10 * 1024 * 1024,
  /** rs-llmspell's max_render_time_ms. */
  maxRenderMs: 5000,
  /** Loop iterations, variable writes and lookups one render may make. */
  maxSteps: 1_000_000,
  /** Characters one render may produce (output plus intermediate strings). */
  maxOutputChars: TOOL_LIMITS.maxOutputChars,
  /** Largest `range(n)`. */
  maxRange: 100_000,
} as const;

/** rs-llmspell's `sanitize_template` deny list. */
const DANGEROUS = ["system(", "exec(", "eval(", "__import__", "subprocess", "os.system"];

class RenderBudgetError extends Error {}

class Budget {
  steps = 0;
  chars = 0;
  readonly deadline = Date.now() + TEMPLATE_LIMITS.maxRenderMs;

  step(): void {
    if (++this.steps > TEMPLATE_LIMITS.maxSteps) {
      throw new RenderBudgetError(`template exceeded ${TEMPLATE_LIMITS.maxSteps} steps (loops too large)`);
    }
    if ((this.steps & 1023) === 0 && Date.now() > this.deadline) {
      throw new RenderBudgetError(`template render exceeded ${TEMPLATE_LIMITS.maxRenderMs} ms`);
    }
  }

  size(value: unknown): void {
    if (typeof value === "string" || value instanceof String) {
      if (value.length > TEMPLATE_LIMITS.maxOutputChars) {
        throw new RenderBudgetError(
          `template produced a string longer than ${TEMPLATE_LIMITS.maxOutputChars} characters`,
        );
      }
    }
  }

  output(n: number): void {
    this.chars += n;
    if (this.chars > TEMPLATE_LIMITS.maxOutputChars) {
      throw new RenderBudgetError(`template output exceeded ${TEMPLATE_LIMITS.maxOutputChars} characters`);
    }
  }
}

/** Tera's HTML escape (`&<>"'/`). */
export function teraEscape(s: string): string {
  return s.replace(
    /[&<>"'/]/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;", "/": "&#x2F;" })[c]!,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Tera (nunjucks)
// ---------------------------------------------------------------------------------------------------------------

/** Tera filter name → the order of its named arguments as nunjucks' positional ones. */
const TERA_ARGS: Record<string, string[]> = {
  default: ["value", "boolean"],
  truncate: ["length", "killwords", "end"],
  replace: ["from", "to"],
  join: ["sep"],
  indent: ["width", "first"],
  split: ["pat"],
  round: ["precision", "method"],
  pluralize: ["singular", "plural"],
  nth: ["n"],
  get: ["key", "default"],
  filter: ["attribute", "value"],
  map: ["attribute"],
  concat: ["with"],
  date: ["format"],
  slice: ["start", "end"],
  center: ["width"],
  wordwrap: ["width"],
  sort: ["attribute"],
};

type Filter = (...args: unknown[]) => unknown;

function isKeywords(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === "object" && Object.hasOwn(v, "__keywords");
}

/** Filters Tera has and nunjucks lacks (or has with other semantics). */
const TERA_FILTERS: Record<string, Filter> = {
  json_encode: (v, pretty) => JSON.stringify(v, null, pretty ? 2 : undefined) ?? "null",
  slugify: (s) =>
    String(s)
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, ""),
  split: (s, pat) => String(s).split(String(pat ?? " ")),
  pluralize: (n, singular, plural) => (Number(n) === 1 ? (singular ?? "") : (plural ?? "s")),
  linebreaksbr: (s) => new (nunjucksModule.get().runtime.SafeString)(String(s).replace(/\r?\n/g, "<br>")),
  as_str: (v) => String(v),
  concat: (a, b) => [...(Array.isArray(a) ? a : [a]), ...(Array.isArray(b) ? b : [b])],
  unique: (a) => (Array.isArray(a) ? [...new Map(a.map((x) => [JSON.stringify(x), x])).values()] : a),
  nth: (a, n) => (Array.isArray(a) ? a[Number(n)] : undefined),
  get: (o, k, d) =>
    o && typeof o === "object" && Object.hasOwn(o, String(k)) ? (o as Record<string, unknown>)[String(k)] : d,
  addslashes: (s) => String(s).replace(/([\\'"])/g, "\\$1"),
  filter: (a, attr, value) =>
    Array.isArray(a)
      ? a.filter(
          (x) =>
            x && typeof x === "object" && (value === undefined ? !!x[attr as string] : x[attr as string] === value),
        )
      : a,
  map: (a, attr) => (Array.isArray(a) ? a.map((x) => (x && typeof x === "object" ? x[attr as string] : undefined)) : a),
  slice: (a, start, end) =>
    Array.isArray(a) || typeof a === "string"
      ? a.slice(Number(start ?? 0), end === undefined ? undefined : Number(end))
      : a,
  int: (v) => {
    const n = parseInt(String(v), 10);
    return Number.isNaN(n) ? 0 : n;
  },
  float: (v) => {
    const n = parseFloat(String(v));
    return Number.isNaN(n) ? 0 : n;
  },
};

let teraEnv: nunjucks.Environment | undefined;
let activeBudget: Budget | undefined;

function currentBudget(): Budget {
  if (!activeBudget) throw new RenderBudgetError("template runtime used outside a render");
  return activeBudget;
}

function guardFilter(name: string, fn: Filter): Filter {
  const order = TERA_ARGS[name];
  return function (this: unknown, ...args: unknown[]) {
    const b = currentBudget();
    b.step();
    let call = args;
    const last = args[args.length - 1];
    if (isKeywords(last)) {
      call = args.slice(0, -1);
      const kw = last;
      for (const key of Object.keys(kw)) {
        if (key === "__keywords") continue;
        const at = order?.indexOf(key) ?? -1;
        if (at < 0) throw new Error(`filter '${name}' has no argument named '${key}'`);
        call[at + 1] = kw[key];
      }
    }
    // Size-amplifying filters are checked before they allocate.
    const input = call[0];
    const inLen = typeof input === "string" || input instanceof String ? input.length : 0;
    if (
      name === "replace" &&
      typeof call[2] === "string" &&
      inLen * Math.max(1, call[2].length) > TEMPLATE_LIMITS.maxOutputChars
    ) {
      const pieces = String(input).split(String(call[1] ?? "")).length;
      if (pieces * call[2].length + inLen > TEMPLATE_LIMITS.maxOutputChars)
        throw new RenderBudgetError("replace result would be too large");
    }
    if ((name === "center" || name === "indent" || name === "wordwrap") && Number(call[1]) > 10_000) {
      throw new RenderBudgetError(`${name} width is too large (limit 10000)`);
    }
    const out = fn.apply(this, call);
    b.size(out);
    return out;
  };
}

function getTeraEnv(): nunjucks.Environment {
  if (teraEnv) return teraEnv;
  // No loaders: include/import/extends cannot read anything.
  const env = new (nunjucksModule.get().Environment)([], { autoescape: true, throwOnUndefined: true });
  const filters = (env as unknown as { filters: Record<string, Filter> }).filters;
  for (const [name, fn] of Object.entries(TERA_FILTERS)) filters[name] = fn;
  for (const [name, fn] of Object.entries(filters)) filters[name] = guardFilter(name, fn);
  env.addGlobal("range", (start: number, stop?: number, step = 1) => {
    const [a, z] = stop === undefined ? [0, Number(start)] : [Number(start), Number(stop)];
    const count = step === 0 ? Infinity : Math.ceil((z - a) / step);
    if (!(count <= TEMPLATE_LIMITS.maxRange))
      throw new RenderBudgetError(`range is too long (limit ${TEMPLATE_LIMITS.maxRange})`);
    const out: number[] = [];
    for (let i = 0; i < count; i++) out.push(a + i * step);
    return out;
  });
  env.addGlobal("now", () => new Date().toISOString());
  teraEnv = env;
  return env;
}

const BLOCKED_KEYS = new Set([
  "constructor",
  "__proto__",
  "prototype",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__",
]);

type Runtime = {
  memberLookup: (obj: unknown, key: unknown) => unknown;
  suppressValue: (val: unknown, autoescape: boolean) => unknown;
  Frame: { prototype: { set: (name: string, val: unknown, resolveUp?: boolean) => void } };
  SafeString: new (s: string) => unknown;
};

/** Render with the runtime's hooks replaced for the duration of this (synchronous) render. */
function renderTera(template: string, context: JsonObject): string {
  const env = getTeraEnv();
  const rt = nunjucksModule.get().runtime as unknown as Runtime;
  const original = { memberLookup: rt.memberLookup, suppressValue: rt.suppressValue, set: rt.Frame.prototype.set };
  const budget = new Budget();
  activeBudget = budget;
  rt.memberLookup = (obj, key) => {
    budget.step();
    if (obj === undefined || obj === null) return undefined;
    const k = String(key);
    if (BLOCKED_KEYS.has(k)) return undefined;
    if (typeof obj !== "object" && typeof obj !== "string") return undefined;
    if (!Object.hasOwn(obj as object, k)) return undefined;
    const v = (obj as Record<string, unknown>)[k];
    return typeof v === "function" ? undefined : v;
  };
  rt.suppressValue = (val, autoescape) => {
    let v: unknown = val ?? "";
    if (typeof v === "function") v = "";
    if (autoescape && !(v instanceof rt.SafeString)) v = teraEscape(String(v));
    budget.output(String(v).length);
    return v;
  };
  rt.Frame.prototype.set = function (this: unknown, name, val, resolveUp) {
    budget.step();
    budget.size(val);
    return original.set.call(this, name, val, resolveUp);
  };
  try {
    return env.renderString(template, structuredClone(context));
  } finally {
    rt.memberLookup = original.memberLookup;
    rt.suppressValue = original.suppressValue;
    rt.Frame.prototype.set = original.set;
    activeBudget = undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Handlebars
// ---------------------------------------------------------------------------------------------------------------

let hbEnv: typeof Handlebars | undefined;

function getHandlebars(): typeof Handlebars {
  if (hbEnv) return hbEnv;
  const hb = handlebarsModule.get().create();
  hb.registerHelper("uppercase", (v: unknown) => (typeof v === "string" ? v.toUpperCase() : ""));
  hb.registerHelper("lowercase", (v: unknown) => (typeof v === "string" ? v.toLowerCase() : ""));
  for (const name of ["each", "with"]) {
    const builtin = hb.helpers[name] as (this: unknown, ...a: unknown[]) => unknown;
    hb.registerHelper(name, function (this: unknown, ...args: unknown[]) {
      const options = args[args.length - 1] as Handlebars.HelperOptions;
      const fn = options.fn;
      const wrapped = Object.assign((ctx: unknown, o?: Handlebars.RuntimeOptions) => {
        const b = currentBudget();
        b.step();
        const out = fn(ctx, o);
        b.output(out.length);
        return out;
      }, fn);
      args[args.length - 1] = { ...options, fn: wrapped };
      return builtin.apply(this, args);
    });
  }
  hbEnv = hb;
  return hb;
}

function renderHandlebars(template: string, context: JsonObject): string {
  const hb = getHandlebars();
  const budget = new Budget();
  activeBudget = budget;
  try {
    const compiled = hb.compile(template, { strict: true });
    const out = compiled(structuredClone(context));
    budget.output(out.length);
    return out;
  } finally {
    activeBudget = undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The tool
// ---------------------------------------------------------------------------------------------------------------

/** rs-llmspell's `detect_engine`. */
export function detectEngine(template: string): "tera" | "handlebars" {
  if (template.includes("{{#") || template.includes("{{/") || template.includes("{{>")) return "handlebars";
  return "tera";
}

function cleanError(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg
    .replace(/^\(unknown path\)\s*/, "")
    .replace(/\s*\n\s*/g, " ")
    .trim();
}

async function run(params: JsonObject): Promise<JsonValue> {
  const template = params.input as string;
  const context = (params.context as JsonObject | undefined) ?? {};
  const templateBytes = utf8Length(template);
  if (templateBytes > TEMPLATE_LIMITS.maxTemplateBytes) {
    throw paramError(
      `Template size ${templateBytes} exceeds maximum ${TEMPLATE_LIMITS.maxTemplateBytes} (parameter 'input')`,
    );
  }
  const contextSize = utf8Length(JSON.stringify(context));
  if (contextSize > TEMPLATE_LIMITS.maxContextBytes) {
    throw paramError(
      `Context size ${contextSize} exceeds maximum ${TEMPLATE_LIMITS.maxContextBytes} (parameter 'context')`,
    );
  }
  for (const p of DANGEROUS) {
    if (template.includes(p)) throw paramError(`Security violation: Potentially dangerous pattern detected: ${p}`);
  }
  const requested = params.engine as string | undefined;
  const engine = requested
    ? requested === "tera"
      ? "tera"
      : "handlebars"
    : params.auto_detect === false
      ? "tera"
      : detectEngine(template);
  await loadTemplateEngine(engine);
  let rendered: string;
  try {
    rendered = engine === "tera" ? renderTera(template, context) : renderHandlebars(template, context);
  } catch (e) {
    throw paramError(`Template rendering failed: ${cleanError(e)}`);
  }
  const response = success("render_template", `Template rendered successfully using ${engine} engine`, {
    rendered,
    engine,
    template_length: templateBytes,
    context_size: contextSize,
  });
  response.metadata = { engine, template_length: templateBytes };
  return response as unknown as JsonValue;
}

export const templateCreator = defineTool({
  name: "template-creator",
  aliases: ["template_creator", "template-engine", "template_engine"],
  description: "Render templates with Tera (Jinja-like) or Handlebars syntax",
  category: "utility",
  tags: ["template", "render", "text"],
  schema: {
    type: "object",
    properties: {
      input: {
        type: "string",
        description: 'Template text, e.g. "Hello {{ name }}!" or "{% for x in items %}{{ x }}{% endfor %}"',
      },
      context: { type: "object", description: "Variables available to the template" },
      engine: {
        type: "string",
        enum: ["tera", "handlebars", "hbs"],
        description: "Template engine (default: detected from the syntax, else tera)",
      },
      auto_detect: {
        type: "boolean",
        default: true,
        description: "Detect the engine from the template syntax when engine is not given",
      },
    },
    required: ["input"],
  },
  operationOf: () => "render_template",
  run: async (params) => ({ json: await run(params) }),
  // The `now()` global reads the clock: a template that may call it is not a pure function of its parameters.
  nondeterministic: (params) => JSON.stringify(params).includes("now"),
});
