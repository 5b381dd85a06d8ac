-- title: Questions over a session's documents | level: intermediate | tags: rag, sessions, agents | model: mock/default | order: 24
-- description: Keep a task's documents in a session-scoped RAG collection, answer from them, clean up.

local session = Session.create({ name = "onboarding", tags = { "rag" } })
-- rs-llmspell's session collection: search it with scope "session" and the session id.
local collection = RAG.create_session_collection(session, 3600)
print("collection ready: " .. tostring(collection.created))

local scope = { scope = "session", scope_id = session }
RAG.ingest({
  { id = "vpn", content = "Connect to the VPN with the company app before opening the wiki." },
  { id = "laptop", content = "New laptops are collected from the front desk on your first day." },
  { id = "lunch", content = "Lunch is served in the canteen from noon to two." },
}, scope)

local question = "where do I get my laptop?"
local found = RAG.search(question, { top_k = 1, scope = "session", scope_id = session })
print("best source: " .. found.results[1].id)

local agent = Agent.builder():name("onboarder"):model("mock/default"):build()
local answer = agent:execute({ text = "Answer from this source only: " .. found.results[1].content .. "\nQuestion: " .. question })
Artifact.store(session, "agent_output", "answer.txt", answer.text)
print("answer kept as artifact: " .. Artifact.list(session)[1].name)

-- Other scopes never see the session's documents.
print("global results: " .. RAG.search(question).total)
print("removed vectors: " .. RAG.cleanup_scope("session", session))
Session.complete(session)
return { source = found.results[1].id }
