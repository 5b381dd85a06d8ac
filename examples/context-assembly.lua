-- title: Assembling context | level: advanced | tags: context, memory, rag | model: mock/default | order: 28
-- description: Gather what Memory, RAG and a session know about a question and fit it to a token budget.

RAG.ingest({
  { id = "faq-descale", content = "Descale the kettle monthly with vinegar." },
  { id = "faq-warranty", content = "The kettle warranty lasts two years." },
})
local session = Session.create({ name = "support-ticket" })
Artifact.store(session, "user_input", "ticket.txt", "Customer says the kettle is slow and scaly")
Memory.episodic.add(session, "user", "The kettle takes ages to boil")
Memory.episodic.add(session, "assistant", "Scale build-up slows heating; try descaling")

-- Each strategy draws on different sources; rag adds RAG results and the session's artifacts.
for _, strategy in ipairs({ "episodic", "hybrid", "rag" }) do
  local c = Context.assemble("why is my kettle slow to boil", strategy, 300, session)
  print(string.format("%s: %d chunks, %d tokens", strategy, #c.chunks, c.token_count))
end

-- The formatted text is ready to put in a prompt.
local c = Context.assemble("descale the kettle", "rag", 300, session)
local agent = Agent.builder():name("support"):model("mock/default"):build()
local reply = agent:execute({ text = "Context:\n" .. c.formatted .. "\n\nQuestion: how do I fix a slow kettle?" })
print("reply length above zero: " .. tostring(#reply.text > 0))

local ok, err = pcall(Context.assemble, "kettle", "hybrid", 50)
print("a 50-token budget: " .. (ok and "accepted" or err.kind))

return Context.strategy_stats().strategies
