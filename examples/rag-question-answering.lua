-- title: Answering from your documents (RAG) | level: intermediate | tags: rag, agents | model: mock/default | order: 22
-- description: Ingest a small handbook, retrieve the passages closest to a question, and answer from them.

-- RAG.ingest cuts each document into chunks, embeds them (mock/embed by default: offline and
-- deterministic) and keeps them in the index, which persists like State. Ids make re-runs replace, not add.
local handbook = {
  { id = "returns", content = "Returns are accepted within 30 days of delivery. Items must be unused and in their box.",
    metadata = { section = "policy" } },
  { id = "shipping", content = "Standard shipping takes 3 to 5 days. Express shipping arrives the next day.",
    metadata = { section = "policy" } },
  { id = "warranty", content = "Every kettle has a two year warranty covering the heating element.",
    metadata = { section = "product" } },
  { id = "cleaning", content = "Descale the kettle monthly with vinegar and rinse it twice.",
    metadata = { section = "product" } },
}
local ingested = RAG.ingest(handbook)
print("ingested " .. ingested.documents_processed .. " documents as " .. ingested.vectors_created .. " vectors")

-- Retrieve: the chunks most similar to the question, best first.
local question = "How many days do I have for returns?"
local found = RAG.search(question, { top_k = 2 })
print("top " .. found.total .. " passages for: " .. question)
for i, hit in ipairs(found.results) do
  print(string.format("%d. [%s] %.3f %s", i, hit.id, hit.score, hit.content))
end

-- Augment: put the retrieved passages in the prompt, then generate.
local context = {}
for _, hit in ipairs(found.results) do context[#context + 1] = "- " .. hit.content end
local prompt = "Answer from these passages only:\n" .. table.concat(context, "\n") .. "\nQuestion: " .. question

local assistant = Agent.builder():name("support"):model("mock/default"):build()
local answer = assistant:execute({ text = prompt })
print("answer: " .. answer.text)

-- A metadata filter narrows the search to one section.
local product = RAG.search("what does the warranty cover", { top_k = 1, metadata_filter = { section = "product" } })
print("product answer source: " .. product.results[1].id .. " (" .. product.results[1].metadata.section .. ")")
