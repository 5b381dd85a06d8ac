/** A JSON-shaped value: what crosses between an engine and the host. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
