-- title: Sessions and artifacts | level: intermediate | tags: sessions, artifacts, agents | model: mock/default | order: 25
-- description: Open a session, keep an agent's outputs in it as artifacts, read them back, complete the session.

-- A session groups the work of one task; its artifacts persist where State does (see the State tab).
local session = Session.create({ name = "release-notes", description = "Draft notes for v2", tags = { "docs" } })
print("session: " .. Session.get(session).name .. " (" .. Session.get(session).status .. ")")

local writer = Agent.builder():name("writer"):model("mock/default"):build()
local draft = writer:execute({ text = "Draft release notes for version 2" })

-- Artifact.store returns rs-llmspell's id table: { content_hash, session_id, sequence }.
local question = Artifact.store(session, "user_input", "request.txt", "Draft release notes for version 2")
local notes = Artifact.store(session, "agent_output", "notes.md", draft.text, { mime_type = "text/markdown", tags = { "draft" } })
print("stored artifacts " .. question.sequence .. " and " .. notes.sequence)

for _, meta in ipairs(Artifact.list(session)) do
  print(string.format("- %s: %s, %s", meta.name, meta.artifact_type, meta.mime_type))
end

local back = Artifact.get(session, notes)
print("notes.md starts with: " .. string.sub(back.content, 1, 20))

-- Only active sessions take artifacts: completing one freezes it.
Session.complete(session)
local ok, err = pcall(Artifact.store, session, "agent_output", "late.md", "too late")
print("after complete: " .. (ok and "stored" or err.kind))

local drafts = Artifact.query({ tags = { "draft" } })
print("artifacts tagged draft: " .. #drafts)

return { status = Session.get(session).status, artifacts = #Artifact.list(session) }
