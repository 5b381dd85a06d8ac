/** A JSON-shaped value: what crosses between an engine and the host. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * `obj[key] = value` as an own data property, whatever `key` is. Plain assignment of `__proto__` (the one
 * accessor on `Object.prototype`) would set the object's prototype instead, dropping the key and letting spell
 * data choose what the host object inherits; every object built from spell keys is filled through this.
 */
export function setOwnValue<T>(obj: { [key: string]: T }, key: string, value: T): void {
  if (key === "__proto__")
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}
