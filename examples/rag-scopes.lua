-- title: RAG scopes, chunking and stats | level: advanced | tags: rag, state | order: 23
-- description: Keep each tenant's documents apart, chunk long text with overlap, filter by score, count and clean up.

-- A scope keeps vectors apart: scope + scope_id name "tenant:acme", and a search never crosses scopes.
RAG.ingest({ id = "acme-plan", content = "Acme pays for the gold plan with priority support." },
  { scope = "tenant", scope_id = "acme" })
RAG.ingest({ id = "globex-plan", content = "Globex uses the free plan with community support." },
  { scope = "tenant", scope_id = "globex" })

for _, tenant in ipairs({ "acme", "globex", "initech" }) do
  local r = RAG.search("which support plan", { scope = "tenant", scope_id = tenant, top_k = 1 })
  print(tenant .. ": " .. (r.total > 0 and r.results[1].content or "(nothing stored)"))
end

-- Long text is cut into chunks of chunk_size words; overlap repeats words so no sentence is lost at a cut.
local notes = "Lua tables are the only data structure. Arrays start at one. Strings are immutable. "
  .. "Coroutines give cooperative multitasking. Metatables change how tables behave. "
  .. "The garbage collector frees what no one references."
local ingested = RAG.ingest({ id = "lua-notes", content = notes, metadata = { lang = "lua" } },
  { scope = "notes", chunking = { chunk_size = 12, overlap = 4 } })
print("notes became " .. ingested.vectors_created .. " overlapping chunks")

-- threshold drops weak matches; each result says which chunk of which document it is.
local hits = RAG.search("coroutines multitasking", { scope = "notes", top_k = 5, threshold = 0.2 })
for _, hit in ipairs(hits.results) do
  print(string.format("%s (chunk %d of %s) %.3f", hit.id, hit.metadata.chunk_index, hit.metadata.doc_id, hit.score))
end

local stats = RAG.get_stats("notes")
print("notes scope: " .. stats.total_vectors .. " vectors of " .. stats.dimensions .. " dimensions from "
  .. stats.model .. ", " .. stats.searches_performed .. " search(es) this run")

-- cleanup_scope removes a scope's vectors and says how many.
print("removed from tenant:acme: " .. RAG.cleanup_scope("tenant", "acme"))
print("removed from tenant:globex: " .. RAG.cleanup_scope("tenant", "globex"))
print("removed from notes: " .. RAG.cleanup_scope("notes"))
print("embedding providers: " .. table.concat(RAG.list_providers(), ", "))
