/**
 * The types every part of the jq interpreter shares: `Json` (the values jq programs read and produce), the syntax
 * tree the parser builds (`Node`, and `Pattern` for `as` destructuring), and `Path`, a path into a value as
 * `path(...)`, `getpath` and the assignments see it (a slice is a `{start, end}` step).
 */

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export type Pattern =
  | { k: "var"; name: string }
  | { k: "arr"; items: Pattern[] }
  | { k: "obj"; entries: { key: Node | string; pat: Pattern | null; varName?: string }[] };

export type Node =
  | { k: "id" }
  | { k: "recurse" }
  | { k: "lit"; v: Json }
  | { k: "str"; parts: (string | Node)[]; fmt?: string }
  | { k: "format"; name: string }
  | { k: "field"; target: Node; name: Node; opt: boolean }
  | { k: "slice"; target: Node; from: Node | null; to: Node | null; opt: boolean }
  | { k: "iter"; target: Node; opt: boolean }
  | { k: "try"; body: Node; handler: Node | null }
  | { k: "pipe"; left: Node; right: Node }
  | { k: "comma"; left: Node; right: Node }
  | { k: "bin"; op: string; left: Node; right: Node }
  | { k: "neg"; body: Node }
  | { k: "and" | "or" | "alt"; left: Node; right: Node }
  | { k: "assign"; op: string; left: Node; right: Node }
  | { k: "arr"; body: Node | null }
  | { k: "obj"; entries: { key: Node; value: Node | null }[] }
  | { k: "var"; name: string }
  | { k: "call"; name: string; args: Node[] }
  | { k: "if"; cond: Node; then: Node; els: Node | null }
  | { k: "as"; source: Node; pats: Pattern[]; body: Node }
  | { k: "reduce"; source: Node; pat: Pattern; init: Node; update: Node }
  | { k: "foreach"; source: Node; pat: Pattern; init: Node; update: Node; extract: Node | null }
  | { k: "def"; name: string; params: string[]; body: Node; rest: Node };

export type Path = (string | number | { start: number | null; end: number | null })[];
