import { describe, expect, it } from "vitest";
import { detectEngine, TEMPLATE_LIMITS, templateCreator, teraEscape } from "./template-creator";
import { expectToolError, run } from "./testing";

const render = async (input: string, context: object = {}, engine?: string) =>
  (await run(templateCreator, { input, context, engine })).result;

describe("template-creator (Tera via nunjucks)", () => {
  it("renders with rs's result shape", async () => {
    const r = await run(templateCreator, { input: "Hello {{ name }}!", context: { name: "World" } });
    expect(r).toMatchObject({
      success: true,
      operation: "render_template",
      message: "Template rendered successfully using tera engine",
    });
    expect(r.result).toEqual({ rendered: "Hello World!", engine: "tera", template_length: 17, context_size: 16 });
  });

  it("supports loops, conditions, filters with Tera's named arguments, and escapes like Tera", async () => {
    const t =
      "{% for u in users %}{{ loop.index }}:{{ u.name | upper }}{% if not loop.last %}, {% endif %}{% endfor %}";
    expect((await render(t, { users: [{ name: "a" }, { name: "b" }] })).rendered).toBe("1:A, 2:B");
    expect(
      (
        await render("{{ s | truncate(length=5) }}|{{ x | default(value='d') }}|{{ l | join(sep='-') }}", {
          s: "abcdefghij",
          l: [1, 2],
        })
      ).rendered,
    ).toBe("abcde...|d|1-2");
    expect((await render("{{ v }}", { v: "<a href='/x'>" })).rendered).toBe("&lt;a href=&#x27;&#x2F;x&#x27;&gt;");
    expect((await render("{{ v | safe }}", { v: "<b>" })).rendered).toBe("<b>");
    expect(
      (await render("{{ o | json_encode }} {{ 'Hello World!' | slugify }} {{ n | pluralize }}", { o: { a: 1 }, n: 2 }))
        .rendered,
    ).toBe("{&quot;a&quot;:1} hello-world s");
    expect(teraEscape(`&<>"'/`)).toBe("&amp;&lt;&gt;&quot;&#x27;&#x2F;");
  });

  it("raises on an undefined variable or bad syntax", async () => {
    await expectToolError(run(templateCreator, { input: "{{ missing }}" }), /Template rendering failed/);
    await expectToolError(run(templateCreator, { input: "{% for x in %}" }), /Template rendering failed/);
    await expectToolError(
      run(templateCreator, { input: "{{ x | truncate(size=1) }}", context: { x: "a" } }),
      /no argument named 'size'/,
    );
  });

  it("is sandboxed: no prototype access, no functions from data, no includes", async () => {
    await expectToolError(
      run(templateCreator, { input: "{{ range.constructor('return process')() }}" }),
      /Unable to call/,
    );
    await expectToolError(
      run(templateCreator, { input: "{{ s.constructor.constructor('return 1')() }}", context: { s: "x" } }),
      /Unable to call/,
    );
    expect(
      (
        await render("{{ s.__proto__ is defined }} {{ o.toString is defined }} {{ o.constructor is defined }}", {
          s: "x",
          o: {},
        })
      ).rendered,
    ).toBe("false false false");
    await expectToolError(run(templateCreator, { input: "{{ s.__proto__ }}", context: { s: "x" } }), /undefined value/);
    await expectToolError(run(templateCreator, { input: "{% include 'x.html' %}" }), /Template rendering failed/);
    await expectToolError(
      run(templateCreator, { input: "{{ x }}{{ eval(1) }}", context: { x: 1 } }),
      /Potentially dangerous pattern detected: eval\(/,
    );
  });

  it("stops runaway loops and output", async () => {
    await expectToolError(
      run(templateCreator, {
        input: "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
      }),
      /exceeded 1000000 steps/,
    );
    await expectToolError(
      run(templateCreator, { input: `{{ range(${TEMPLATE_LIMITS.maxRange + 1}) | length }}` }),
      /range is too long/,
    );
    await expectToolError(
      run(templateCreator, {
        input: "{% for i in range(100000) %}{{ s }}{% endfor %}",
        context: { s: "x".repeat(1000) },
      }),
      /output exceeded/,
    );
    await expectToolError(
      run(templateCreator, {
        input: "{% set s = 'xxxxxxxxxx' %}{% for i in range(30) %}{% set s = s ~ s %}{% endfor %}{{ s | length }}",
      }),
      /string longer than/,
    );
  }, 30_000);

  it("limits template and context sizes", async () => {
    // 600k two-byte characters: under the per-parameter character limit, over the template's 1 MiB.
    await expectToolError(
      run(templateCreator, { input: "é".repeat(600_000) }),
      /Template size 1200000 exceeds maximum 1048576/,
    );
    const ctx = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, "x".repeat(1_000_000)]));
    await expectToolError(run(templateCreator, { input: "x", context: ctx }), /Context size .* exceeds maximum/);
  });
});

describe("template-creator (Handlebars)", () => {
  it("detects and renders Handlebars with rs's helpers", async () => {
    expect(detectEngine("{{#each x}}{{/each}}")).toBe("handlebars");
    expect(detectEngine("{{ x }}")).toBe("tera");
    const r = await render("{{#each items}}{{uppercase this}} {{/each}}{{lowercase name}}", {
      items: ["a", "b"],
      name: "X",
    });
    expect(r).toMatchObject({ rendered: "A B x", engine: "handlebars" });
    expect((await render("Hi {{name}}", { name: "<b>" }, "hbs")).rendered).toBe("Hi &lt;b&gt;");
  });

  it("is strict and blocks prototype access", async () => {
    await expectToolError(
      run(templateCreator, { input: "{{missing}}", engine: "handlebars" }),
      /Template rendering failed/,
    );
    expect((await render("{{#with a}}{{constructor}}{{/with}}", { a: {} })).rendered).toBe("");
  });

  it("stops runaway nested loops", async () => {
    const items = Array.from({ length: 1000 }, (_, i) => i);
    await expectToolError(
      run(templateCreator, {
        input: "{{#each a}}{{#each @root.a}}{{#each @root.a}}.{{/each}}{{/each}}{{/each}}",
        context: { a: items },
      }),
      /exceeded|output/,
    );
  }, 30_000);
});
