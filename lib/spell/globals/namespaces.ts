/**
 * rs-llmspell has nested tables on some globals (`Memory.episodic.add`). The API surface is flat (a global's
 * functions), so such functions are named with a dot (`"episodic.add"`) and these preludes, one per language,
 * move each into its table (`Memory.episodic.add`) before the spell runs.
 */

/** The globals whose dotted function names become nested tables. */
const NESTED_GLOBALS = ["Memory"] as const;

export const NAMESPACES_LUA_PRELUDE = `
for _, gname in ipairs({ ${NESTED_GLOBALS.map((g) => JSON.stringify(g)).join(", ")} }) do
  local g = rawget(_G, gname)
  if type(g) == "table" then
    local moves = {}
    for k, v in pairs(g) do
      local ns, name = string.match(k, "^([%w_]+)%.([%w_]+)$")
      if ns then moves[#moves + 1] = { k, ns, name, v } end
    end
    for _, m in ipairs(moves) do
      g[m[1]] = nil
      if type(g[m[2]]) ~= "table" then g[m[2]] = {} end
      g[m[2]][m[3]] = m[4]
    end
  end
end
`;

export const NAMESPACES_JS_PRELUDE = `
for (const gname of ${JSON.stringify(NESTED_GLOBALS)}) {
  const g = globalThis[gname];
  if (g && typeof g === "object") {
    for (const k of Object.keys(g)) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)\\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(k);
      if (!m) continue;
      const f = g[k];
      delete g[k];
      if (typeof g[m[1]] !== "object" || g[m[1]] === null) g[m[1]] = {};
      g[m[1]][m[2]] = f;
    }
  }
}
`;
