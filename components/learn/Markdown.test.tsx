import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { Markdown } from "./Markdown";

const html = (source: string) => renderToStaticMarkup(<Markdown source={source} />);

describe("Markdown", () => {
  it("renders prose: emphasis, code, lists, code blocks and headings", () => {
    const out = html('# Title\n\nSay **hello** to `a < b`.\n\n- one\n- *two*\n\n```lua\nprint("<")\n```');
    expect(out).toContain("<h2");
    expect(out).toContain("<strong>hello</strong>");
    expect(out).toContain("a &lt; b</code>");
    expect(out).toContain("<li>one</li>");
    expect(out).toContain("<em>two</em>");
    expect(out).toContain("<code>print(&quot;&lt;&quot;)</code>");
  });

  it("never passes HTML through, and drops unsafe links and remote images", () => {
    const out = html(
      '<img src=x onerror=alert(1)>\n\nHi <b onclick="x()">there</b> [x](javascript:alert(1)) ![pic](https://tracker.test/p.png) [ok](https://example.test)',
    );
    expect(out).not.toMatch(/<img|<b |onerror="|onclick="|href="javascript/);
    expect(out).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(out).toContain("[pic]");
    expect(out).toContain('href="https://example.test"');
    expect(out).toContain('rel="noopener noreferrer"');
  });
});
