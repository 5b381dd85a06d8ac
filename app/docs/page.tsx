import type { Metadata } from "next";
import { DocsPage } from "@/components/docs/DocsPage";
import { buildDocsModel } from "@/components/docs/docs-model";

export const metadata: Metadata = {
  title: "Docs · LLMSpell Playground",
  description: "The spell API in Lua and JavaScript: every global, method and built-in tool, with runnable snippets.",
};

/** Built once at build time from the API definition and the tool registry. */
export default async function Docs() {
  return <DocsPage model={await buildDocsModel()} />;
}
