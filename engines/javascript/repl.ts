/**
 * The JavaScript side of a REPL session: the formatter that renders an entry's value as one line, compiled once
 * in the session's context. Written in JavaScript so it runs inside the entry, on the entry's CPU limit, and
 * reads getters and proxies as the spell would; it keeps its own references to the built-ins it uses, so an
 * entry that reassigns `JSON` or `Object` does not break the display.
 *
 * Node's REPL style, smaller: strings quoted (`'a'`), arrays `[ 1, 2 ]`, objects `{ a: 1 }` (to depth 3, at
 * most 30 entries each), functions `[Function: f]`, errors `Error: message`, Map/Set, a cycle `[Circular]`.
 */
export const JS_REPL_SHOW = String.raw`(() => {
  const { keys, getPrototypeOf } = Object;
  const isArray = Array.isArray;
  const stringify = JSON.stringify;
  const MapProto = Map.prototype, SetProto = Set.prototype, ErrorProto = Error.prototype, PromiseProto = Promise.prototype;
  const mapEntries = MapProto.entries, setValues = SetProto.values;
  const MAX_DEPTH = 3, MAX_ITEMS = 30;
  const quote = (s) => "'" + stringify(s).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'") + "'";
  const keyText = (k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : quote(k));
  const protoChain = (v, proto) => {
    for (let p = getPrototypeOf(v); p !== null; p = getPrototypeOf(p)) if (p === proto) return true;
    return false;
  };
  const list = (items, open, close) => {
    if (items.length === 0) return open + close;
    return open + " " + items.join(", ") + " " + close;
  };
  function show(v, depth, seen) {
    switch (typeof v) {
      case "string": return depth === 0 ? quote(v) : quote(v);
      case "number": return Object.is(v, -0) ? "-0" : String(v);
      case "bigint": return String(v) + "n";
      case "undefined": return "undefined";
      case "boolean": return String(v);
      case "symbol": return v.toString();
      case "function": return "[Function: " + (v.name || "(anonymous)") + "]";
    }
    if (v === null) return "null";
    if (seen.includes(v)) return "[Circular]";
    if (protoChain(v, ErrorProto)) return String(v.name) + ": " + String(v.message);
    if (protoChain(v, PromiseProto)) return "Promise { <pending or settled> }";
    if (depth >= MAX_DEPTH) return isArray(v) ? "[Array]" : "[Object]";
    seen = [...seen, v];
    const items = [];
    if (isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        if (i >= MAX_ITEMS) { items.push("... " + (v.length - i) + " more"); break; }
        items.push(show(v[i], depth + 1, seen));
      }
      return list(items, "[", "]");
    }
    if (protoChain(v, MapProto)) {
      for (const [k, x] of mapEntries.call(v)) {
        if (items.length >= MAX_ITEMS) { items.push("..."); break; }
        items.push(show(k, depth + 1, seen) + " => " + show(x, depth + 1, seen));
      }
      return "Map(" + v.size + ") " + list(items, "{", "}");
    }
    if (protoChain(v, SetProto)) {
      for (const x of setValues.call(v)) {
        if (items.length >= MAX_ITEMS) { items.push("..."); break; }
        items.push(show(x, depth + 1, seen));
      }
      return "Set(" + v.size + ") " + list(items, "{", "}");
    }
    const own = keys(v);
    for (const k of own) {
      if (items.length >= MAX_ITEMS) { items.push("... " + (own.length - MAX_ITEMS) + " more"); break; }
      items.push(keyText(k) + ": " + show(v[k], depth + 1, seen));
    }
    const proto = getPrototypeOf(v);
    const name = proto && proto !== Object.prototype && proto.constructor && proto.constructor.name;
    return (name ? name + " " : "") + list(items, "{", "}");
  }
  return (v) => show(v, 0, []);
})()`;
