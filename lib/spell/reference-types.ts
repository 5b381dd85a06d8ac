/**
 * The shape of the spell API reference (`lib/spell/reference.ts`), the one description of the API that the
 * docs page, the editor's completions and hovers, and the generated `spell-api.d.ts` are all built from.
 */
export interface ApiParamDoc {
  name: string;
  /** TypeScript-style type text, e.g. `string`, `number`, `{ text: string }`, `(chunk: string) => void`. */
  type: string;
  optional?: boolean;
  description?: string;
}

export interface ApiFunctionDoc {
  name: string;
  /** `static`: `Global.f(...)` in both languages. `method`: `obj:f(...)` in Lua, `obj.f(...)` in JS. */
  call: "static" | "method";
  params: ApiParamDoc[];
  /** TypeScript-style type text of the result (in JS a host call that waits returns a Promise of it). */
  returns: string;
  /** True when the JS form returns a Promise (Lua always looks synchronous). */
  async?: boolean;
  description: string;
  lua?: string;
  js?: string;
}

export interface ApiGlobalDoc {
  name: string;
  description: string;
  functions: ApiFunctionDoc[];
  /** Constant values on the global, e.g. `Hook.Priority`. */
  values?: { name: string; type: string; description?: string }[];
}

export interface ApiClassDoc {
  /** The host class, e.g. `AgentBuilder`, `Agent`, `WorkflowBuilder`. */
  name: string;
  description: string;
  methods: ApiFunctionDoc[];
}

export interface SpellApiReference {
  globals: ApiGlobalDoc[];
  classes: ApiClassDoc[];
  /** Hook point names (`BeforeAgentExecution`, ...) for completions inside `Hook.register("`. */
  hookPoints: string[];
}
