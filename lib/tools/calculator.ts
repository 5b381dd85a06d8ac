/**
 * `calculator`: rs-llmspell's fasteval calculator. mathjs only parses; evaluation is our own walk over a
 * whitelist of node types, operators and functions, so nothing can assign, import, define functions or reach
 * any JavaScript object. fasteval syntax is mapped first: `&&`/`||`/`!` become `and`/`or`/`not`,
 * `log(base, x)` keeps fasteval's argument order, `ln`, `pi()` and `e()` exist.
 */
import { setOwnValue } from "@/lib/core/json";
import type { MathNode } from "mathjs";
import type { JsonValue } from "@/lib/core/json";
import { createLazyModule } from "./internal/lazy";
import { defineTool, failure, optionalObject, requireString, success, type StructuredResponse } from "./support";
import type { JsonObject } from "./types";

/**
 * Only mathjs' parser (tree-shakes the rest of mathjs out of the bundle), imported on the first expression:
 * mathjs takes seconds to import, and importing `@/lib/tools` must not.
 */
const mathParser = createLazyModule("mathjs", async () => {
  const { create, parseDependencies } = await import("mathjs");
  return create({ parseDependencies }).parse;
});

/** Load the mathjs parser; `evaluateExpression` needs it (the tool loads it itself). */
export async function loadExpressionParser(): Promise<void> {
  await mathParser.load();
}

/** rs-llmspell's ExpressionComplexityConfig defaults. */
export const CALCULATOR_LIMITS = { maxLength: 1000, maxDepth: 20, maxOperations: 100, maxVariables: 50 } as const;

const FUNCTIONS: Record<string, { min: number; max: number; fn: (...a: number[]) => number }> = {
  sin: { min: 1, max: 1, fn: Math.sin },
  cos: { min: 1, max: 1, fn: Math.cos },
  tan: { min: 1, max: 1, fn: Math.tan },
  asin: { min: 1, max: 1, fn: Math.asin },
  acos: { min: 1, max: 1, fn: Math.acos },
  atan: { min: 1, max: 1, fn: Math.atan },
  sinh: { min: 1, max: 1, fn: Math.sinh },
  cosh: { min: 1, max: 1, fn: Math.cosh },
  tanh: { min: 1, max: 1, fn: Math.tanh },
  asinh: { min: 1, max: 1, fn: Math.asinh },
  acosh: { min: 1, max: 1, fn: Math.acosh },
  atanh: { min: 1, max: 1, fn: Math.atanh },
  sqrt: { min: 1, max: 1, fn: Math.sqrt },
  exp: { min: 1, max: 1, fn: Math.exp },
  ln: { min: 1, max: 1, fn: Math.log },
  // fasteval: log(x) is base 10, log(base, x) takes the base first.
  log: { min: 1, max: 2, fn: (a, b) => (b === undefined ? Math.log10(a) : Math.log(b) / Math.log(a)) },
  abs: { min: 1, max: 1, fn: Math.abs },
  sign: { min: 1, max: 1, fn: (x) => (Number.isNaN(x) ? NaN : x > 0 ? 1 : x < 0 ? -1 : 0) },
  int: { min: 1, max: 1, fn: Math.trunc },
  ceil: { min: 1, max: 1, fn: Math.ceil },
  floor: { min: 1, max: 1, fn: Math.floor },
  // fasteval: round(x) or round(modulus, x).
  round: { min: 1, max: 2, fn: (a, b) => (b === undefined ? roundHalfAway(a) : roundHalfAway(b / a) * a) },
  min: { min: 1, max: 64, fn: (...a) => Math.min(...a) },
  max: { min: 1, max: 64, fn: (...a) => Math.max(...a) },
  pi: { min: 0, max: 0, fn: () => Math.PI },
  e: { min: 0, max: 0, fn: () => Math.E },
};

function roundHalfAway(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

const BINARY: Record<string, (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  multiply: (a, b) => a * b,
  divide: (a, b) => a / b,
  mod: (a, b) => a % b,
  pow: (a, b) => a ** b,
  equal: (a, b) => (a === b ? 1 : 0),
  unequal: (a, b) => (a !== b ? 1 : 0),
  smaller: (a, b) => (a < b ? 1 : 0),
  larger: (a, b) => (a > b ? 1 : 0),
  smallerEq: (a, b) => (a <= b ? 1 : 0),
  largerEq: (a, b) => (a >= b ? 1 : 0),
};

class ExpressionError extends Error {}

/** fasteval → mathjs surface syntax. */
function translateExpression(expr: string): string {
  return expr
    .replace(/&&/g, " and ")
    .replace(/\|\|/g, " or ")
    .replace(/!(?!=)/g, " not ");
}

interface Budget {
  ops: number;
}

function evalNode(node: MathNode, vars: Map<string, number>, depth: number, budget: Budget): number {
  if (depth > CALCULATOR_LIMITS.maxDepth)
    throw new ExpressionError(`Expression too complex: nesting deeper than ${CALCULATOR_LIMITS.maxDepth}`);
  if (++budget.ops > CALCULATOR_LIMITS.maxOperations * 2) {
    throw new ExpressionError(`Expression too complex: more than ${CALCULATOR_LIMITS.maxOperations} operations`);
  }
  const n = node as MathNode & Record<string, unknown>;
  switch (node.type) {
    case "ConstantNode": {
      const v = n.value;
      if (typeof v !== "number") throw new ExpressionError(`Unsupported value: ${JSON.stringify(v)}`);
      return v;
    }
    case "ParenthesisNode":
      return evalNode(n.content as MathNode, vars, depth + 1, budget);
    case "SymbolNode": {
      const name = n.name as string;
      const v = vars.get(name);
      if (v !== undefined) return v;
      if (name === "pi") return Math.PI;
      if (name === "e") return Math.E;
      throw new ExpressionError(`Undefined variable: ${name}`);
    }
    case "OperatorNode": {
      const fn = n.fn as string;
      const args = n.args as MathNode[];
      if (fn === "and") {
        const a = evalNode(args[0], vars, depth + 1, budget);
        return a === 0 ? 0 : evalNode(args[1], vars, depth + 1, budget);
      }
      if (fn === "or") {
        const a = evalNode(args[0], vars, depth + 1, budget);
        return a !== 0 ? a : evalNode(args[1], vars, depth + 1, budget);
      }
      if (args.length === 1) {
        const a = evalNode(args[0], vars, depth + 1, budget);
        if (fn === "unaryMinus") return -a;
        if (fn === "unaryPlus") return a;
        if (fn === "not") return a === 0 ? 1 : 0;
      } else if (args.length === 2 && Object.hasOwn(BINARY, fn)) {
        return BINARY[fn](evalNode(args[0], vars, depth + 1, budget), evalNode(args[1], vars, depth + 1, budget));
      }
      throw new ExpressionError(`Unsupported operator: ${String(n.op)}`);
    }
    case "FunctionNode": {
      const fnNode = n.fn as MathNode & { name?: string };
      const name = fnNode.type === "SymbolNode" ? fnNode.name! : "";
      if (!Object.hasOwn(FUNCTIONS, name)) throw new ExpressionError(`Unknown function: ${name || "(expression)"}`);
      const spec = FUNCTIONS[name];
      const args = n.args as MathNode[];
      if (args.length < spec.min || args.length > spec.max) {
        throw new ExpressionError(`Wrong number of arguments to ${name}: ${args.length}`);
      }
      return spec.fn(...args.map((a) => evalNode(a, vars, depth + 1, budget)));
    }
    default:
      throw new ExpressionError(`Unsupported syntax: ${node.type.replace(/Node$/, "").toLowerCase()}`);
  }
}

/** Parsed trees of recent expressions (we only read them, so sharing is safe). */
export const PARSE_CACHE_SIZE = 256;
const parsed = new Map<string, MathNode>();

/** How many parsed expressions are cached (for tests). */
export function cachedExpressionCount(): number {
  return parsed.size;
}

/** Evaluate a fasteval-style expression with numeric variables (after `loadExpressionParser()`). Throws ExpressionError. */
export function evaluateExpression(expression: string, variables: Record<string, number>): number {
  if (expression.length > CALCULATOR_LIMITS.maxLength) {
    throw new ExpressionError(
      `Expression too complex: Expression length ${expression.length} exceeds maximum ${CALCULATOR_LIMITS.maxLength}`,
    );
  }
  if (!expression.trim()) throw new ExpressionError("Empty expression");
  let tree = parsed.get(expression);
  if (!tree) {
    try {
      tree = mathParser.get()(translateExpression(expression));
    } catch (e) {
      throw new ExpressionError(`Parse error: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (parsed.size >= PARSE_CACHE_SIZE) parsed.delete(parsed.keys().next().value!);
    parsed.set(expression, tree);
  }
  const vars = new Map(Object.entries(variables));
  return evalNode(tree, vars, 0, { ops: 0 });
}

function formatResult(v: number): JsonValue {
  if (v === Infinity) return "Infinity";
  if (v === -Infinity) return "-Infinity";
  if (Number.isNaN(v)) return "NaN";
  return v;
}

function numericVariables(vars: JsonObject): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(vars)) if (typeof v === "number") setOwnValue(out, k, v);
  return out;
}

function process(params: JsonObject): StructuredResponse {
  const operation = (params.operation as string | undefined) ?? "evaluate";
  if (operation === "functions") return functionsResponse();
  const input = requireString(params, "input", operation);
  if (operation === "validate") {
    try {
      evaluateExpression(input, {});
      return success("validate", "Expression is valid", { input, valid: true });
    } catch (e) {
      if (!(e instanceof ExpressionError)) throw e;
      return success("validate", "Expression validation failed", { input, valid: false, error: e.message });
    }
  }
  const variables = optionalObject(params, "variables") ?? {};
  if (Object.keys(variables).length > CALCULATOR_LIMITS.maxVariables) {
    return failure(
      "evaluate",
      `Expression failed security check: more than ${CALCULATOR_LIMITS.maxVariables} variables`,
    );
  }
  const started = performance.now();
  try {
    const value = evaluateExpression(input, numericVariables(variables));
    const response = success("evaluate", "Expression evaluated successfully", {
      input,
      result: formatResult(value),
      result_type: Number.isFinite(value) ? "float" : "special",
      variables,
    });
    response.resource_usage = {
      memory_bytes: 0,
      cpu_time_ms: Math.round(performance.now() - started),
      operations_count: 1,
    };
    return response;
  } catch (e) {
    if (!(e instanceof ExpressionError)) throw e;
    return failure("evaluate", e.message);
  }
}

function functionsResponse(): StructuredResponse {
  return success("functions", "Available functions and operators", {
    arithmetic: ["+", "-", "*", "/", "%", "^"],
    comparison: ["==", "!=", "<", ">", "<=", ">="],
    logical: ["&&", "||", "!"],
    trigonometric: ["sin", "cos", "tan", "asin", "acos", "atan"],
    hyperbolic: ["sinh", "cosh", "tanh", "asinh", "acosh", "atanh"],
    mathematical: ["sqrt", "exp", "ln", "log", "abs", "sign"],
    rounding: ["int", "ceil", "floor", "round"],
    constants: ["pi()", "e()"],
    utility: ["min", "max"],
    examples: {
      basic: "2 + 3 * 4",
      variables: "x^2 + y^2 where x=3, y=4",
      trigonometry: "sin(pi()/2) + cos(0)",
      complex: "sqrt(x^2 + y^2) * exp(-t)",
      logarithms: "log(10, 100) or ln(e())",
    },
    note: "All trigonometric functions work in radians. Use deg/360*2*pi() to convert degrees.",
  });
}

export const calculator = defineTool({
  name: "calculator",
  description: "Mathematical expression calculator with variables and scientific functions",
  category: "utility",
  tags: ["math", "calculation"],
  schema: {
    type: "object",
    properties: {
      operation: {
        type: "string",
        enum: ["evaluate", "validate", "functions"],
        default: "evaluate",
        description: "Operation to perform: evaluate, validate, functions",
      },
      input: {
        type: "string",
        description: 'Mathematical expression to evaluate or validate (e.g. "2 + 3 * 4", "x^2 + sqrt(y)")',
      },
      variables: {
        type: "object",
        additionalProperties: { type: "number" },
        description: 'Variables to use in the expression (e.g., {"x": 5, "y": 3})',
      },
    },
  },
  run: async (params) => {
    await loadExpressionParser();
    return { json: process(params) as unknown as JsonValue };
  },
  // Its result reports the time it took (`resource_usage.cpu_time_ms`), which a replay must give back as recorded.
  nondeterministic: () => true,
});
