/**
 * The jq interpreter for json-processor: the core jq 1.7 language (paths, pipes, generators, object and array
 * construction, `as` bindings and destructuring, reduce/foreach, if/try, `def`, string interpolation, formats,
 * update-assignment) evaluated lazily with generators; the ~120 builtins are in the builtins*.ts files.
 *
 * Why not jq-wasm: its I/O copies its buffers on every byte (measured: 28 KB of input takes 0.7 s, 148 KB
 * 5 s) and a running wasm call cannot be interrupted. Here every evaluation step counts against a budget
 * (steps and wall time), so `repeat(1)`, `[range(1e12)]` or `def f: f; f` stop with a clear error.
 */
import { Budget } from "./budget";
import { callBuiltin } from "./builtins";
import { JQ_LIMITS, JqError, JqLimitError } from "./errors";
import { FORMATS } from "./formats";
import { deletePaths, getField, getPath, recursePaths, recurseValues, setPath, sliceBounds } from "./paths";
import type { Closure, Env, RegexCompiler, Runtime } from "./runtime";
import type { Json, Node, Path, Pattern } from "./types";
import { arith, errDesc, isObj, tojson, truthy, typeOf } from "./values";

/** A run's budget (defaults: `JQ_LIMITS`), its regex compiler and its clock (`now`; default `Date.now`). */
export interface RunOptions {
  maxSteps?: number;
  maxMs?: number;
  compileRegex: RegexCompiler;
  now?: () => number;
}

/** Runs parsed queries; one instance, one budget (its steps and deadline count from construction). */
export class Interpreter {
  private readonly b: Budget;
  /** What the builtins see of this interpreter. */
  private readonly rt: Runtime;
  constructor(private readonly opts: RunOptions) {
    this.b = new Budget(opts.maxSteps ?? JQ_LIMITS.maxSteps, opts.maxMs ?? JQ_LIMITS.maxMs);
    this.rt = {
      budget: this.b,
      ev: (n, v, env) => this.ev(n, v, env),
      all: (n, v, env) => this.all(n, v, env),
      cartesian: (args, v, env) => this.cartesian(args, v, env),
      paths: (n, v, env) => this.paths(n, v, env),
      builtinOn: (name, input, arg) => this.builtinOn(name, input, arg),
      compileRegex: (pattern, flags) => this.opts.compileRegex(pattern, flags),
      now: () => (this.opts.now ?? Date.now)(),
    };
  }

  /** All outputs of `query` on `input`. */
  run(query: Node, input: Json): Json[] {
    const out: Json[] = [];
    for (const v of this.ev(query, input, {
      vars: new Map([
        ["ENV", {}],
        ["__prog_args", []],
      ]),
      funcs: new Map(),
    }))
      out.push(v);
    return out;
  }

  /** Every evaluation counts one step; recursion too deep for the JS stack surfaces as a RangeError. */
  private ev(n: Node, v: Json, env: Env): Generator<Json> {
    this.b.tick();
    return this.evInner(n, v, env);
  }

  private *evInner(n: Node, v: Json, env: Env): Generator<Json> {
    switch (n.k) {
      case "id":
        yield v;
        return;
      case "recurse":
        yield* recurseValues(v, this.b);
        return;
      case "lit":
        yield n.v;
        return;
      case "str":
        yield* this.evString(n.parts, v, env, n.fmt);
        return;
      case "format": {
        const f = FORMATS[n.name];
        if (!f) throw new JqError(`${n.name} is not a valid format`);
        yield f(v);
        return;
      }
      case "field":
        for (const t of this.ev(n.target, v, env)) {
          for (const key of this.ev(n.name, v, env)) {
            try {
              yield* getField(t, key, n.opt);
            } catch (e) {
              if (!(n.opt && e instanceof JqError)) throw e;
            }
          }
        }
        return;
      case "slice":
        for (const t of this.ev(n.target, v, env)) {
          for (const to of n.to ? this.ev(n.to, v, env) : [null]) {
            for (const from of n.from ? this.ev(n.from, v, env) : [null]) {
              if (t === null) {
                yield null;
                continue;
              }
              if (typeof t === "string" || Array.isArray(t)) {
                const [s, e] = sliceBounds(t.length, from, to);
                yield t.slice(s, e) as Json;
              } else if (!n.opt) throw new JqError(`Cannot index ${typeOf(t)} with object`);
            }
          }
        }
        return;
      case "iter":
        for (const t of this.ev(n.target, v, env)) {
          if (Array.isArray(t)) yield* t;
          else if (isObj(t)) yield* Object.values(t);
          else if (!n.opt) throw new JqError(`Cannot iterate over ${errDesc(t)}`);
        }
        return;
      case "try":
        try {
          for (const x of this.ev(n.body, v, env)) yield x;
        } catch (e) {
          if (!(e instanceof JqError)) throw e;
          if (e.value !== null && typeof e.value === "object" && "__jq" in (e.value as object)) throw e; // break
          if (n.handler) yield* this.ev(n.handler, e.value, env);
        }
        return;
      case "pipe":
        for (const x of this.ev(n.left, v, env)) yield* this.ev(n.right, x, env);
        return;
      case "comma":
        yield* this.ev(n.left, v, env);
        yield* this.ev(n.right, v, env);
        return;
      case "neg":
        for (const x of this.ev(n.body, v, env)) {
          if (typeof x !== "number") throw new JqError(`${errDesc(x)} cannot be negated`);
          yield -x;
        }
        return;
      case "bin":
        for (const r of this.ev(n.right, v, env)) for (const l of this.ev(n.left, v, env)) yield arith(n.op, l, r);
        return;
      case "and":
        for (const l of this.ev(n.left, v, env)) {
          if (!truthy(l)) yield false;
          else for (const r of this.ev(n.right, v, env)) yield truthy(r);
        }
        return;
      case "or":
        for (const l of this.ev(n.left, v, env)) {
          if (truthy(l)) yield true;
          else for (const r of this.ev(n.right, v, env)) yield truthy(r);
        }
        return;
      case "alt": {
        let any = false;
        try {
          for (const x of this.ev(n.left, v, env)) {
            if (truthy(x)) {
              any = true;
              yield x;
            }
          }
        } catch (e) {
          if (!(e instanceof JqError)) throw e;
        }
        if (!any) yield* this.ev(n.right, v, env);
        return;
      }
      case "assign":
        yield* this.evAssign(n, v, env);
        return;
      case "arr": {
        if (!n.body) {
          yield [];
          return;
        }
        const out: Json[] = [];
        for (const x of this.ev(n.body, v, env)) out.push(x);
        yield out;
        return;
      }
      case "obj":
        yield* this.evObject(n.entries, 0, v, env, {});
        return;
      case "var": {
        if (!env.vars.has(n.name)) {
          if (n.name === "ENV") {
            yield {};
            return;
          }
          throw new JqError(`$${n.name} is not defined`);
        }
        yield env.vars.get(n.name)!;
        return;
      }
      case "if":
        for (const c of this.ev(n.cond, v, env)) {
          if (truthy(c)) yield* this.ev(n.then, v, env);
          else if (n.els) yield* this.ev(n.els, v, env);
          else yield v;
        }
        return;
      case "as":
        for (const x of this.ev(n.source, v, env)) {
          let lastErr: unknown;
          let done = false;
          for (let i = 0; i < n.pats.length && !done; i++) {
            try {
              for (const e2 of this.bind(n.pats[i], x, env, n.pats)) yield* this.ev(n.body, v, e2);
              done = true;
            } catch (e) {
              if (!(e instanceof JqError) || i === n.pats.length - 1) throw e;
              lastErr = e;
            }
          }
          void lastErr;
        }
        return;
      case "reduce":
        for (const init of this.ev(n.init, v, env)) {
          let acc: Json = init;
          for (const x of this.ev(n.source, v, env)) {
            for (const e2 of this.bind(n.pat, x, env)) {
              let last: Json | undefined;
              for (const r of this.ev(n.update, acc, e2)) last = r;
              acc = last === undefined ? null : last;
            }
          }
          yield acc;
        }
        return;
      case "foreach":
        for (const init of this.ev(n.init, v, env)) {
          let acc: Json = init;
          for (const x of this.ev(n.source, v, env)) {
            for (const e2 of this.bind(n.pat, x, env)) {
              for (const r of this.ev(n.update, acc, e2)) {
                acc = r;
                if (n.extract) yield* this.ev(n.extract, r, e2);
                else yield r;
              }
            }
          }
        }
        return;
      case "def": {
        const funcs = new Map(env.funcs);
        const closure: Closure = { params: n.params, body: n.body, env: { vars: env.vars, funcs }, name: n.name };
        funcs.set(`${n.name}/${n.params.length}`, closure);
        yield* this.ev(n.rest, v, { vars: env.vars, funcs });
        return;
      }
      case "call":
        yield* this.call(n.name, n.args, v, env);
        return;
    }
  }

  /**
   * The strings of an interpolated string, built from its last part back: as in jq, a later interpolation's
   * outputs vary slowest (`"\(1, 2)-\(3, 4)"` is "1-3", "2-3", "1-4", "2-4").
   */
  private *evString(
    parts: (string | Node)[],
    v: Json,
    env: Env,
    fmt?: string,
    i = parts.length - 1,
    suffix = "",
  ): Generator<Json> {
    if (i < 0) {
      yield suffix;
      return;
    }
    const part = parts[i];
    if (typeof part === "string") {
      yield* this.evString(parts, v, env, fmt, i - 1, part + suffix);
      return;
    }
    const f = FORMATS[fmt ?? "text"];
    if (!f) throw new JqError(`${fmt} is not a valid format`);
    for (const x of this.ev(part, v, env)) {
      const s = f(x) + suffix;
      if (s.length > JQ_LIMITS.maxStringLength)
        throw new JqLimitError(`string longer than ${JQ_LIMITS.maxStringLength} characters`);
      yield* this.evString(parts, v, env, fmt, i - 1, s);
    }
  }

  private *evObject(
    entries: { key: Node; value: Node | null }[],
    i: number,
    v: Json,
    env: Env,
    acc: { [k: string]: Json },
  ): Generator<Json> {
    if (i === entries.length) {
      yield { ...acc };
      return;
    }
    const { key, value } = entries[i];
    for (const k of this.ev(key, v, env)) {
      if (typeof k !== "string") throw new JqError(`Object keys must be strings`);
      for (const val of this.ev(value!, v, env)) yield* this.evObject(entries, i + 1, v, env, { ...acc, [k]: val });
    }
  }

  private *bind(pat: Pattern, value: Json, env: Env, all?: Pattern[]): Generator<Env> {
    const vars = new Map(env.vars);
    if (all) for (const p of all) for (const name of patternVars(p)) if (!vars.has(name)) vars.set(name, null);
    yield* this.bindInto(pat, value, { vars, funcs: env.funcs });
  }

  private *bindInto(pat: Pattern, value: Json, env: Env): Generator<Env> {
    if (pat.k === "var") {
      const vars = new Map(env.vars);
      vars.set(pat.name, value);
      yield { vars, funcs: env.funcs };
      return;
    }
    if (pat.k === "arr") {
      if (value !== null && !Array.isArray(value)) throw new JqError(`Cannot index ${typeOf(value)} with number`);
      let envs: Env[] = [env];
      pat.items.forEach((p, i) => {
        const next: Env[] = [];
        for (const e of envs)
          for (const e2 of this.bindInto(p, value === null ? null : ((value as Json[])[i] ?? null), e)) next.push(e2);
        envs = next;
      });
      yield* envs;
      return;
    }
    let envs: Env[] = [env];
    for (const entry of pat.entries) {
      const next: Env[] = [];
      for (const e of envs) {
        const keys = typeof entry.key === "string" ? [entry.key] : [...this.ev(entry.key, value, e)];
        for (const k of keys) {
          if (typeof k !== "string") throw new JqError("Cannot index object with non-string key");
          if (value !== null && !isObj(value)) throw new JqError(`Cannot index ${typeOf(value)} with string "${k}"`);
          const field = value === null ? null : Object.hasOwn(value, k) ? value[k] : null;
          let base = e;
          if (entry.varName) {
            const vars = new Map(e.vars);
            vars.set(entry.varName, field);
            base = { vars, funcs: e.funcs };
          }
          if (entry.pat) for (const e2 of this.bindInto(entry.pat, field, base)) next.push(e2);
          else next.push(base);
        }
      }
      envs = next;
    }
    yield* envs;
  }

  private *evAssign(n: Extract<Node, { k: "assign" }>, v: Json, env: Env): Generator<Json> {
    const paths = () => [...this.paths(n.left, v, env)].map(([, p]) => p);
    if (n.op === "|=") {
      let out = v;
      for (const p of paths()) {
        const cur = getPath(out, p);
        const first = this.ev(n.right, cur, env).next();
        out = first.done ? deletePaths(out, [p]) : setPath(out, p, first.value);
      }
      yield out;
      return;
    }
    for (const rhs of this.ev(n.right, v, env)) {
      let out = v;
      for (const p of paths()) {
        if (n.op === "=") out = setPath(out, p, rhs);
        else if (n.op === "//=") {
          const cur = getPath(out, p);
          out = setPath(out, p, truthy(cur) ? cur : rhs);
        } else out = setPath(out, p, arith(n.op[0], getPath(out, p), rhs));
      }
      yield out;
    }
  }

  /** Paths of a path expression, with the value at each. */
  private *paths(n: Node, v: Json, env: Env, base: Path = []): Generator<[Json, Path]> {
    this.b.tick();
    switch (n.k) {
      case "id":
        yield [v, base];
        return;
      case "recurse":
        yield* recursePaths(v, base, this.b);
        return;
      case "field":
        for (const [t, p] of this.paths(n.target, v, env, base)) {
          for (const key of this.ev(n.name, v, env)) {
            if (typeof key !== "string" && typeof key !== "number") {
              if (n.opt) continue;
              throw new JqError(`Cannot index ${typeOf(t)} with ${typeOf(key)}`);
            }
            try {
              const [val] = getField(t, key, false);
              yield [val, [...p, key]];
            } catch (e) {
              if (!(n.opt && e instanceof JqError)) throw e;
            }
          }
        }
        return;
      case "slice":
        for (const [t, p] of this.paths(n.target, v, env, base)) {
          for (const to of n.to ? this.ev(n.to, v, env) : [null]) {
            for (const from of n.from ? this.ev(n.from, v, env) : [null]) {
              const key = { start: from as number | null, end: to as number | null };
              yield [t === null ? null : getPath(t, [key]), [...p, key]];
            }
          }
        }
        return;
      case "iter":
        for (const [t, p] of this.paths(n.target, v, env, base)) {
          if (Array.isArray(t)) for (let i = 0; i < t.length; i++) yield [t[i], [...p, i]];
          else if (isObj(t)) for (const k of Object.keys(t)) yield [t[k], [...p, k]];
          else if (t !== null && !n.opt) throw new JqError(`Cannot iterate over ${errDesc(t)}`);
        }
        return;
      case "pipe":
        for (const [x, p] of this.paths(n.left, v, env, base)) yield* this.paths(n.right, x, env, p);
        return;
      case "comma":
        yield* this.paths(n.left, v, env, base);
        yield* this.paths(n.right, v, env, base);
        return;
      case "if":
        for (const c of this.ev(n.cond, v, env)) {
          if (truthy(c)) yield* this.paths(n.then, v, env, base);
          else if (n.els) yield* this.paths(n.els, v, env, base);
          else yield [v, base];
        }
        return;
      case "try":
        try {
          for (const x of this.paths(n.body, v, env, base)) yield x;
        } catch (e) {
          if (!(e instanceof JqError)) throw e;
        }
        return;
      case "alt": {
        let any = false;
        try {
          for (const [x, p] of this.paths(n.left, v, env, base)) {
            if (truthy(x)) {
              any = true;
              yield [x, p];
            }
          }
        } catch (e) {
          if (!(e instanceof JqError)) throw e;
        }
        if (!any) yield* this.paths(n.right, v, env, base);
        return;
      }
      case "as":
        for (const x of this.ev(n.source, v, env))
          for (const e2 of this.bind(n.pats[0], x, env)) yield* this.paths(n.body, v, e2, base);
        return;
      case "call": {
        const a = n.args;
        switch (`${n.name}/${a.length}`) {
          case "empty/0":
            return;
          case "select/1":
            for (const c of this.ev(a[0], v, env)) if (truthy(c)) yield [v, base];
            return;
          case "recurse/0":
            yield* recursePaths(v, base, this.b);
            return;
          case "first/1": {
            const r = this.paths(a[0], v, env, base).next();
            if (!r.done) yield r.value;
            return;
          }
          case "getpath/1":
            for (const p of this.ev(a[0], v, env)) {
              if (!Array.isArray(p)) throw new JqError("Path must be specified as an array");
              let val: Json = null;
              try {
                val = getPath(v, p as Path);
              } catch {
                val = null;
              }
              yield [val, [...base, ...(p as Path)]];
            }
            return;
          case "paths/0":
            for (const [x, p] of recursePaths(v, base, this.b)) if (p.length > base.length) yield [x, p];
            return;
          case "last/0":
            if (Array.isArray(v)) yield [v[v.length - 1] ?? null, [...base, -1]];
            return;
          case "first/0":
            yield [Array.isArray(v) ? (v[0] ?? null) : null, [...base, 0]];
            return;
        }
        const f = this.lookup(n.name, a.length, env);
        if (f && "body" in f) {
          const fenv = this.bindParams(f, a, env);
          yield* this.paths(f.body, v, fenv, base);
          return;
        }
        if (f && "arg" in f) {
          yield* this.paths(f.arg, v, f.env, base);
          return;
        }
        throw new JqError(`Invalid path expression with result ${n.name}`);
      }
      default: {
        const r = this.ev(n, v, env).next();
        throw new JqError(`Invalid path expression with result ${r.done ? "empty" : tojson(r.value).slice(0, 20)}`);
      }
    }
  }

  private lookup(name: string, arity: number, env: Env): Closure | { arg: Node; env: Env } | undefined {
    return env.funcs.get(`${name}/${arity}`);
  }

  private bindParams(f: Closure, args: Node[], callerEnv: Env): Env {
    const funcs = new Map(f.env.funcs);
    funcs.set(`${f.name}/${f.params.length}`, f);
    const vars = new Map(f.env.vars);
    f.params.forEach((p, i) => {
      if (p.startsWith("$")) {
        const r = this.ev(args[i], null, callerEnv).next();
        vars.set(p.slice(1), r.done ? null : r.value);
        funcs.set(`${p.slice(1)}/0`, { arg: { k: "var", name: p.slice(1) }, env: { vars, funcs } });
      } else funcs.set(`${p}/0`, { arg: args[i], env: callerEnv });
    });
    return { vars, funcs };
  }

  private *call(name: string, args: Node[], v: Json, env: Env): Generator<Json> {
    const f = this.lookup(name, args.length, env);
    if (f) {
      if ("arg" in f) {
        yield* this.ev(f.arg, v, f.env);
        return;
      }
      // `$param` arguments are cartesian over their outputs, as in jq.
      const dollar = f.params.map((p, i) => (p.startsWith("$") ? i : -1)).filter((i) => i >= 0);
      if (dollar.length === 0) {
        yield* this.ev(f.body, v, this.bindParams(f, args, env));
        return;
      }
      yield* this.callWithValues(f, args, v, env, dollar, 0, new Map());
      return;
    }
    yield* callBuiltin(this.rt, name, args, v, env);
  }

  private *callWithValues(
    f: Closure,
    args: Node[],
    v: Json,
    env: Env,
    dollar: number[],
    i: number,
    vals: Map<number, Json>,
  ): Generator<Json> {
    if (i === dollar.length) {
      const funcs = new Map(f.env.funcs);
      funcs.set(`${f.name}/${f.params.length}`, f);
      const vars = new Map(f.env.vars);
      f.params.forEach((p, j) => {
        if (p.startsWith("$")) {
          vars.set(p.slice(1), vals.get(j)!);
          funcs.set(`${p.slice(1)}/0`, { arg: { k: "lit", v: vals.get(j)! }, env });
        } else funcs.set(`${p}/0`, { arg: args[j], env });
      });
      yield* this.ev(f.body, v, { vars, funcs });
      return;
    }
    for (const x of this.ev(args[dollar[i]], v, env))
      yield* this.callWithValues(f, args, v, env, dollar, i + 1, new Map(vals).set(dollar[i], x));
  }

  /** The values of each argument, cartesian (last argument varies slowest, as jq's C builtins do). */
  private *cartesian(args: Node[], v: Json, env: Env, i = args.length - 1, acc: Json[] = []): Generator<Json[]> {
    if (i < 0) {
      yield [...acc].reverse();
      return;
    }
    for (const x of this.ev(args[i], v, env)) yield* this.cartesian(args, v, env, i - 1, [...acc, x]);
  }

  private all(n: Node, v: Json, env: Env): Json[] {
    return [...this.ev(n, v, env)];
  }

  private *builtinOn(name: string, input: Json, arg: Json): Generator<Json> {
    yield* callBuiltin(this.rt, name, arg === null && name !== "has" ? [] : [{ k: "lit", v: arg }], input, {
      vars: new Map(),
      funcs: new Map(),
    });
  }
}

function patternVars(p: Pattern): string[] {
  if (p.k === "var") return [p.name];
  if (p.k === "arr") return p.items.flatMap(patternVars);
  return p.entries.flatMap((e) => [...(e.varName ? [e.varName] : []), ...(e.pat ? patternVars(e.pat) : [])]);
}
