/** State: scoped key/value storage backed by the runtime's StateStore (memory, IndexedDB or a JSON file). */
import type { JsonValue } from "@/lib/core/json";
import type { SpellContext } from "../core/context";
import { nonEmptyStr } from "../core/validate";
import type { GlobalModule } from "./module";

const DEFAULT_SCOPE = "global";

export function createStateModule(ctx: SpellContext): GlobalModule {
  const { check } = ctx;
  const store = ctx.runtime.state;
  const str = (where: string, name: string, v: unknown) => check(where, name, nonEmptyStr, v);
  const load = async (scope: string, key: string) => {
    const v = await store.get(scope, key);
    return v === undefined ? null : v;
  };
  const save = async (where: string, scope: string, key: string, value: unknown) => {
    const v = ctx.jsonArg(value, where, "value", "stored");
    if (v === null) await store.delete(scope, key);
    else await store.set(scope, key, v as JsonValue);
    return null;
  };
  return {
    name: "State",
    global: {
      functions: {
        save: ([scope, key, value]) =>
          save("State.save", str("State.save", "scope", scope), str("State.save", "key", key), value),
        load: ([scope, key]) => load(str("State.load", "scope", scope), str("State.load", "key", key)),
        delete: async ([scope, key]) =>
          store.delete(str("State.delete", "scope", scope), str("State.delete", "key", key)),
        list_keys: ([scope]) => store.keys(str("State.list_keys", "scope", scope)),
        get: ([key]) => load(DEFAULT_SCOPE, str("State.get", "key", key)),
        set: ([key, value]) => save("State.set", DEFAULT_SCOPE, str("State.set", "key", key), value),
        clear: async ([scope]) => {
          const s = str("State.clear", "scope", scope);
          const keys = await store.keys(s);
          for (const k of keys) await store.delete(s, k);
          return keys.length;
        },
        workflow_get: ([id, step]) =>
          load(
            `workflow:${str("State.workflow_get", "workflow_id", id)}`,
            str("State.workflow_get", "step_name", step),
          ),
        workflow_list: ([id]) => store.keys(`workflow:${str("State.workflow_list", "workflow_id", id)}`),
        agent_get: ([id, key]) =>
          load(`agent:${str("State.agent_get", "agent_id", id)}`, str("State.agent_get", "key", key)),
        agent_set: ([id, key, v]) =>
          save(
            "State.agent_set",
            `agent:${str("State.agent_set", "agent_id", id)}`,
            str("State.agent_set", "key", key),
            v,
          ),
        tool_get: ([id, key]) =>
          load(`tool:${str("State.tool_get", "tool_id", id)}`, str("State.tool_get", "key", key)),
        tool_set: ([id, key, v]) =>
          save("State.tool_set", `tool:${str("State.tool_set", "tool_id", id)}`, str("State.tool_set", "key", key), v),
      },
    },
  };
}
