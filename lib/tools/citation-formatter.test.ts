import { describe, expect, it } from "vitest";
import { CITATION_LIMITS, citationFormatter, STYLES } from "./citation-formatter";
import { parseBibtex, parseYamlBibliography } from "./internal/bibliography";
import { expectToolError, run } from "./testing";

const bib = `@article{doe2020,
  author = {Doe, Jane and Smith, Alex},
  title = {A Study of {Things}},
  journal = {Journal of Stuff},
  year = 2020, volume = {3}, number = "2", pages = {10--20}, doi = {10.1000/xyz}
}
@book{roe2019, author = {Richard Roe}, title = {Big Book}, publisher = {ACME}, year = {2019}}`;

const yaml = `smith2019:
  type: book
  title: "Big Book: Second Edition"
  author: ["Smith, John", "Jane Doe"]
  date: 2019-05-01
  publisher: ACME
art:
  type: article
  title: On Things
  author:
    - Roe, Richard
  date: 2021
  parent:
    type: periodical
    title: Nature
    volume: 7
`;

const fmt = async (style: string, input = bib, format = "bibtex", cite_keys?: string) =>
  (await run(citationFormatter, { input, format, style, cite_keys })).result.result;

describe("citation-formatter", () => {
  it("parses BibTeX and YAML", () => {
    expect(parseBibtex(bib)[0]).toMatchObject({
      key: "doe2020",
      type: "article",
      authors: ["Doe, Jane", "Smith, Alex"],
      title: "A Study of Things",
      year: "2020",
      issue: "2",
      pages: "10–20",
    });
    expect(parseYamlBibliography(yaml)).toMatchObject([
      {
        key: "smith2019",
        type: "book",
        authors: ["Smith, John", "Jane Doe"],
        title: "Big Book: Second Edition",
        year: "2019",
        publisher: "ACME",
      },
      { key: "art", authors: ["Roe, Richard"], container: "Nature", volume: "7" },
    ]);
  });

  it("formats in every style with rs's nested shape", async () => {
    const r = await run(citationFormatter, { input: bib, format: "bibtex", style: "apa" });
    expect(r.operation).toBe("citation_formatter_execute");
    expect(r.result).toMatchObject({
      operation: "format_citation",
      success: true,
      metadata: { tool: "citation-formatter", operation: "format_citation" },
    });
    const apa = r.result.result;
    expect(apa).toMatchObject({ style: "apa", format: "bibtex", entry_count: 2 });
    expect(apa.citations[0]).toEqual({
      key: "doe2020",
      citation: "(Doe & Smith, 2020)",
      reference:
        "Doe, J., & Smith, A. (2020). A Study of Things. Journal of Stuff, 3(2), 10–20. https://doi.org/10.1000/xyz",
    });
    expect(apa.reference_list[1]).toBe("Roe, R. (2019). Big Book. ACME.");
    const ref = async (style: string) => (await fmt(style)).citations[0].reference;
    expect(await ref("mla")).toBe(
      'Doe, Jane, and Alex Smith. "A Study of Things." Journal of Stuff, vol. 3, no. 2, 2020, pp. 10–20.',
    );
    expect(await ref("chicago-author-date")).toBe(
      'Doe, Jane, and Alex Smith. 2020. "A Study of Things." Journal of Stuff 3 (2): 10–20. https://doi.org/10.1000/xyz.',
    );
    expect(await ref("harvard")).toBe(
      "Doe, J. and Smith, A. (2020) 'A Study of Things', Journal of Stuff, 3(2), pp. 10–20.",
    );
    expect(await ref("ieee")).toBe(
      '[1] J. Doe and A. Smith, "A Study of Things," Journal of Stuff, vol. 3, no. 2, pp. 10–20, 2020.',
    );
    expect(await ref("nature")).toBe("1. Doe, J. & Smith, A. A Study of Things. Journal of Stuff 3, 10–20 (2020).");
    expect(await ref("vancouver")).toBe("1. Doe J, Smith A. A Study of Things. Journal of Stuff. 2020;3(2):10–20.");
    for (const s of STYLES) expect((await fmt(s)).citations).toHaveLength(2);
  });

  it("cites chosen keys from YAML", async () => {
    const r = await fmt("apa", yaml, "yaml", "art");
    expect(r.citations).toEqual([
      { key: "art", citation: "(Roe, 2021)", reference: "Roe, R. (2021). On Things. Nature, 7." },
    ]);
  });

  it("validates bibliographies and lists styles", async () => {
    const v = (
      await run(citationFormatter, {
        operation: "validate_bibliography",
        input: "@misc{x, title = {T}}",
        format: "bibtex",
      })
    ).result.result;
    expect(v).toMatchObject({
      total_entries: 1,
      valid_entries: 0,
      warnings: 2,
      is_valid: false,
      validation_results: [{ key: "x", valid: false, issues: ["missing author", "missing date"], entry_type: "misc" }],
    });
    const l = (await run(citationFormatter, { operation: "list_styles" })).result.result;
    expect(l.supported_styles).toEqual([...STYLES]);
  });

  it("raises for bad input", async () => {
    await expectToolError(run(citationFormatter, { input: "   " }), /Empty YAML content/);
    await expectToolError(run(citationFormatter, { input: "no keys here" }), /missing key-value pairs/);
    await expectToolError(run(citationFormatter, { input: "plain", format: "bibtex" }), /missing @ or \{\} syntax/);
    await expectToolError(
      run(citationFormatter, { input: bib, format: "bibtex", cite_keys: "nope" }),
      /cite key\(s\) not in the bibliography: nope/,
    );
    await expectToolError(run(citationFormatter, { input: bib, format: "ris" }), /parameter 'format' must be one of/);
    await expectToolError(
      run(citationFormatter, { operation: "format_citation" }),
      /missing required parameter 'input'/,
    );
  });

  it("limits the bibliography size and entry count", async () => {
    await expectToolError(run(citationFormatter, { input: `a: ${"x".repeat(CITATION_LIMITS.maxChars)}` }), /too large/);
    const many = Array.from({ length: CITATION_LIMITS.maxEntries + 1 }, (_, i) => `@misc{k${i}, title = {T}}`).join(
      "\n",
    );
    await expectToolError(run(citationFormatter, { input: many, format: "bibtex" }), /Too many entries: 1001/);
  });
});
