// title: RAG scopes, chunking and stats | level: advanced | tags: rag, state | order: 23
// description: Keep each tenant's documents apart, chunk long text with overlap, filter by score, count and clean up.

// A scope keeps vectors apart: scope + scope_id name "tenant:acme", and a search never crosses scopes.
await RAG.ingest(
  { id: "acme-plan", content: "Acme pays for the gold plan with priority support." },
  { scope: "tenant", scope_id: "acme" },
);
await RAG.ingest(
  { id: "globex-plan", content: "Globex uses the free plan with community support." },
  { scope: "tenant", scope_id: "globex" },
);

for (const tenant of ["acme", "globex", "initech"]) {
  const r = await RAG.search("which support plan", { scope: "tenant", scope_id: tenant, top_k: 1 });
  print(tenant + ": " + (r.total > 0 ? r.results[0].content : "(nothing stored)"));
}

// Long text is cut into chunks of chunk_size words; overlap repeats words so no sentence is lost at a cut.
const notes =
  "Lua tables are the only data structure. Arrays start at one. Strings are immutable. " +
  "Coroutines give cooperative multitasking. Metatables change how tables behave. " +
  "The garbage collector frees what no one references.";
const ingested = await RAG.ingest(
  { id: "lua-notes", content: notes, metadata: { lang: "lua" } },
  { scope: "notes", chunking: { chunk_size: 12, overlap: 4 } },
);
print("notes became " + ingested.vectors_created + " overlapping chunks");

// threshold drops weak matches; each result says which chunk of which document it is.
const hits = await RAG.search("coroutines multitasking", { scope: "notes", top_k: 5, threshold: 0.2 });
for (const hit of hits.results) {
  print(`${hit.id} (chunk ${hit.metadata.chunk_index} of ${hit.metadata.doc_id}) ${hit.score.toFixed(3)}`);
}

const stats = await RAG.get_stats("notes");
print(
  "notes scope: " + stats.total_vectors + " vectors of " + stats.dimensions + " dimensions from " +
    stats.model + ", " + stats.searches_performed + " search(es) this run",
);

// cleanup_scope removes a scope's vectors and says how many.
print("removed from tenant:acme: " + (await RAG.cleanup_scope("tenant", "acme")));
print("removed from tenant:globex: " + (await RAG.cleanup_scope("tenant", "globex")));
print("removed from notes: " + (await RAG.cleanup_scope("notes")));
print("embedding providers: " + RAG.list_providers().join(", "));
