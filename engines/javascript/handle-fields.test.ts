import { describe, expect, it } from "vitest";
import type { ApiSurface, HandleRef } from "../../lib/core/engine";
import { createJavascriptEngine } from "./engine";

const engine = await createJavascriptEngine();

/** A class whose handles carry plain fields, one of which (`add`) has the name of a method. */
function fieldsApi(seen: HandleRef[] = []): ApiSurface {
  let next = 1;
  const make = (cls: string, extra: Record<string, unknown> = {}): HandleRef =>
    ({
      $handle: next++,
      $class: cls,
      name: "n1",
      add: "a field",
      meta: { tags: ["x", "y"], n: 2 },
      ...extra,
    }) as HandleRef;
  return {
    globals: {
      Host: {
        functions: {
          named: () => make("Named"),
          nested: () => make("Named", { inner: make("Named") }),
          take: (args) => {
            seen.push(args[0] as HandleRef);
            return (args[0] as HandleRef).$handle;
          },
        },
      },
    },
    classes: { Named: { methods: { add: (_self, args) => (args[0] as number) + 1, id: (self) => self.$handle } } },
  };
}

describe("JavaScript handle fields", () => {
  it("reads the plain fields a handle carries, nested ones as objects", async () => {
    const r = await engine.execute(
      `const h = Host.named()
       return [h.name, h.meta.tags[1], h.meta.n, typeof h.meta, h.missing === undefined, h.id(), Object.keys(h).includes("name")]`,
      { api: fieldsApi() },
    );
    expect(r).toMatchObject({ ok: true, value: ["n1", "y", 2, "object", true, 1, true] });
  });
  it("lets a method win over a field of the same name", async () => {
    const r = await engine.execute(`const h = Host.named(); return [typeof h.add, h.add(41)]`, { api: fieldsApi() });
    expect(r).toMatchObject({ ok: true, value: ["function", 42] });
  });
  it("keeps fields read-only", async () => {
    const r = await engine.execute(
      `const h = Host.named()
       let err = ""
       try { h.name = "other" } catch (e) { err = e.name }
       return [err, h.name]`,
      { api: fieldsApi() },
    );
    expect(r).toMatchObject({ ok: true, value: ["TypeError", "n1"] });
  });
  it("wraps a handle inside a handle's fields and passes both back as handles", async () => {
    const seen: HandleRef[] = [];
    const r = await engine.execute(
      `const h = Host.nested(); return [h.inner.name, h.inner.id(), Host.take(h.inner), h]`,
      {
        api: fieldsApi(seen),
      },
    );
    expect(r).toMatchObject({ ok: true, value: ["n1", 1, 1, { $handle: 2, $class: "Named" }] });
    expect(seen[0]).toMatchObject({ $handle: 1, $class: "Named" });
  });
});
