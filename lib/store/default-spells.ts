/** What a first visit shows: a short hello-agent spell on the mock model, so Ctrl+Enter streams at once. */
import type { SpellLanguage } from "@/lib/core/dialect";

export const DEFAULT_SPELLS: Record<SpellLanguage, string> = {
  lua: `-- Hello, agent! Press Ctrl+Enter (Cmd+Enter on a Mac) to run.
-- The mock model needs no key: it streams its reply word by word.
local agent = Agent.builder()
  :name("greeter")
  :model("mock/default")
  :system_prompt("You are a cheerful wizard. Answer in one sentence.")
  :build()

print("Asking the agent...")
local question = { text = "Say hello to a new spell caster" }
local reply = agent:stream(question, function(chunk)
  -- chunk.text arrives here (and in the console) as it streams
end)

print("Done: " .. reply.metadata.usage.output_tokens .. " tokens")
return { text = reply.text, model = reply.metadata.model }
`,
  javascript: `// Hello, agent! Press Ctrl+Enter (Cmd+Enter on a Mac) to run.
// The mock model needs no key: it streams its reply word by word.
const agent = Agent.builder()
  .name("greeter")
  .model("mock/default")
  .system_prompt("You are a cheerful wizard. Answer in one sentence.")
  .build();

console.log("Asking the agent...");
const question = { text: "Say hello to a new spell caster" };
const reply = await agent.stream(question, (chunk) => {
  // chunk.text arrives here (and in the console) as it streams
});

console.log(\`Done: \${reply.metadata.usage.output_tokens} tokens\`);
export default { text: reply.text, model: reply.metadata.model };
`,
};
