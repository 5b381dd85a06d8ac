/** The tour's agent steps: an agent, a conversation, tools, custom tools, structured output and streaming. */
import { tourStep } from "./step";

export const AGENTS = [
  tourStep({
    id: "first-agent",
    title: "Your first agent",
    prose: `
An **agent** wraps a model: build it with \`Agent.builder()\`, give it a name, a model and a system prompt,
then \`execute\` it with some text. The reply's text is in \`result.text\`.

This tour runs on the built-in **mock model** (\`mock/default\`): it needs no key and answers the same
question with the same words, so the checks can rely on it.

**Your task:** give the agent \`greeter\` a system prompt that makes it talk like a **pirate**, ask it to
say hello, and print its reply.
`,
    lua: {
      start: `local agent = Agent.builder()
  :name("greeter")
  :model("mock/default")
  :build()

-- Ask it to say hello and print result.text.`,
      solution: `local agent = Agent.builder()
  :name("greeter")
  :model("mock/default")
  :system_prompt("You are a pirate. Greet people like one.")
  :build()

local result = agent:execute({ text = "Say hello" })
print(result.text)`,
    },
    javascript: {
      start: `const agent = Agent.builder()
  .name("greeter")
  .model("mock/default")
  .build();

// Ask it to say hello and print result.text.`,
      solution: `const agent = Agent.builder()
  .name("greeter")
  .model("mock/default")
  .system_prompt("You are a pirate. Greet people like one.")
  .build();

const result = await agent.execute({ text: "Say hello" });
print(result.text);`,
    },
    checks: [
      {
        kind: "agent-called",
        agent: "greeter",
        times: 1,
        message: "Execute the greeter agent once.",
        hint: 'agent:execute({ text = "Say hello" }) in Lua, await agent.execute({ text: "Say hello" }) in JavaScript.',
      },
      {
        kind: "agent-called",
        agent: "greeter",
        systemPromptContains: "pirate",
        message: "The greeter's system prompt should mention a pirate.",
        hint: "Add system_prompt(...) to the builder, before build().",
      },
      { kind: "output-contains", text: "mock reply", message: "Print the agent's reply (result.text)." },
    ],
  }),
  tourStep({
    id: "conversation",
    title: "A conversation",
    prose: `
An agent remembers the conversation: each \`execute\` sees the earlier turns. The model \`mock/echo\` simply
repeats your last message, which makes it handy for trying things out.

**Your task:** ask the \`parrot\` agent two things, first \`Hello\` and then \`How are you?\`, and print both
replies.
`,
    lua: {
      start: `local parrot = Agent.builder():name("parrot"):model("mock/echo"):build()

print(parrot:execute({ text = "Hello" }).text)
-- Now ask: How are you?`,
      solution: `local parrot = Agent.builder():name("parrot"):model("mock/echo"):build()

print(parrot:execute({ text = "Hello" }).text)
print(parrot:execute({ text = "How are you?" }).text)`,
    },
    javascript: {
      start: `const parrot = Agent.builder().name("parrot").model("mock/echo").build();

print((await parrot.execute({ text: "Hello" })).text);
// Now ask: How are you?`,
      solution: `const parrot = Agent.builder().name("parrot").model("mock/echo").build();

print((await parrot.execute({ text: "Hello" })).text);
print((await parrot.execute({ text: "How are you?" })).text);`,
    },
    checks: [
      { kind: "agent-called", agent: "parrot", times: 2, message: "Execute the parrot twice." },
      { kind: "output-contains", text: "How are you?", message: "Print the second reply too." },
    ],
  }),
  tourStep({
    id: "agent-tools",
    title: "An agent with tools",
    prose: `
An agent may call tools on its own: list them with \`allowed_tools\`. The model decides when to call one; the
agent runs it and gives the model the result. The Trace tab shows the agent, its model calls and the tool
call between them.

**Your task:** let the \`math-helper\` agent use the \`calculator\`, ask it \`12 * 7\` and print its reply.
`,
    lua: {
      start: `local helper = Agent.builder()
  :name("math-helper")
  :model("mock/default")
  :system_prompt("Use the calculator for any arithmetic.")
  :build()

print(helper:execute({ text = "12 * 7" }).text)`,
      solution: `local helper = Agent.builder()
  :name("math-helper")
  :model("mock/default")
  :system_prompt("Use the calculator for any arithmetic.")
  :allowed_tools({ "calculator" })
  :build()

print(helper:execute({ text = "12 * 7" }).text)`,
    },
    javascript: {
      start: `const helper = Agent.builder()
  .name("math-helper")
  .model("mock/default")
  .system_prompt("Use the calculator for any arithmetic.")
  .build();

print((await helper.execute({ text: "12 * 7" })).text);`,
      solution: `const helper = Agent.builder()
  .name("math-helper")
  .model("mock/default")
  .system_prompt("Use the calculator for any arithmetic.")
  .allowed_tools(["calculator"])
  .build();

print((await helper.execute({ text: "12 * 7" })).text);`,
    },
    checks: [
      { kind: "agent-called", agent: "math-helper", message: "Execute the math-helper agent." },
      {
        kind: "tool-called",
        tool: "calculator",
        message: "The agent should call the calculator.",
        hint: 'Add allowed_tools({ "calculator" }) (Lua) or .allowed_tools(["calculator"]) (JavaScript) to the builder.',
      },
      { kind: "output-contains", text: "84", message: "The reply should hold the answer, 84." },
    ],
  }),
  tourStep({
    id: "custom-tool",
    title: "Write your own tool",
    prose: `
\`Tool.register\` adds a tool written in the spell itself: a name, a description, a JSON Schema for its
parameters, and an \`execute\` function that gets the params and returns a table/object.

**Your task:** register a tool named \`shout\` that returns \`{ text = <params.text in upper case> }\`, call it
with \`{ text = "hello" }\` and print the result's \`text\`.
`,
    lua: {
      start: `Tool.register({
  name = "shout",
  description = "Shouts a text",
  parameters = { type = "object", properties = { text = { type = "string" } }, required = { "text" } },
  execute = function(params)
    return { text = params.text }
  end,
})

-- Call it here.`,
      solution: `Tool.register({
  name = "shout",
  description = "Shouts a text",
  parameters = { type = "object", properties = { text = { type = "string" } }, required = { "text" } },
  execute = function(params)
    return { text = string.upper(params.text) }
  end,
})

local shouted = Tool.execute("shout", { text = "hello" })
print(shouted.text)`,
    },
    javascript: {
      start: `Tool.register({
  name: "shout",
  description: "Shouts a text",
  parameters: { type: "object", properties: { text: { type: "string" } }, required: ["text"] },
  execute: (params) => {
    return { text: params.text };
  },
});

// Call it here.`,
      solution: `Tool.register({
  name: "shout",
  description: "Shouts a text",
  parameters: { type: "object", properties: { text: { type: "string" } }, required: ["text"] },
  execute: (params) => {
    return { text: params.text.toUpperCase() };
  },
});

const shouted = await Tool.execute("shout", { text: "hello" });
print(shouted.text);`,
    },
    checks: [
      {
        kind: "tool-called",
        tool: "shout",
        params: { text: "hello" },
        message: 'Call your shout tool with { text: "hello" }.',
      },
      {
        kind: "output-contains",
        text: "HELLO",
        message: "The console should show HELLO.",
        hint: "string.upper(s) in Lua, s.toUpperCase() in JavaScript.",
      },
    ],
  }),
  tourStep({
    id: "structured-output",
    title: "Structured output",
    prose: `
Give an agent a **response format** (a JSON Schema) and its reply comes back as data: \`result.data\` holds
the parsed object, ready to use, instead of prose in \`result.text\`.

**Your task:** make the \`reviewer\` answer with an object that has a \`title\` (string) and a \`rating\`
(integer), and return \`result.data\`.
`,
    lua: {
      start: `local reviewer = Agent.builder()
  :name("reviewer")
  :model("mock/default")
  :system_prompt("Review the book the user names.")
  :build()

local result = reviewer:execute({ text = "The Hobbit" })
return result.text`,
      solution: `local reviewer = Agent.builder()
  :name("reviewer")
  :model("mock/default")
  :system_prompt("Review the book the user names.")
  :response_format({
    type = "object",
    properties = { title = { type = "string" }, rating = { type = "integer", minimum = 1, maximum = 5 } },
    required = { "title", "rating" },
  })
  :build()

local result = reviewer:execute({ text = "The Hobbit" })
return result.data`,
    },
    javascript: {
      start: `const reviewer = Agent.builder()
  .name("reviewer")
  .model("mock/default")
  .system_prompt("Review the book the user names.")
  .build();

const result = await reviewer.execute({ text: "The Hobbit" });
export default result.text;`,
      solution: `const reviewer = Agent.builder()
  .name("reviewer")
  .model("mock/default")
  .system_prompt("Review the book the user names.")
  .response_format({
    type: "object",
    properties: { title: { type: "string" }, rating: { type: "integer", minimum: 1, maximum: 5 } },
    required: ["title", "rating"],
  })
  .build();

const result = await reviewer.execute({ text: "The Hobbit" });
export default result.data;`,
    },
    checks: [
      {
        kind: "value-shape",
        shape: { title: "string", rating: "integer" },
        message: "The spell should return an object with a title (string) and a rating (integer).",
        hint: "Add response_format({...}) to the builder and return result.data.",
      },
    ],
  }),
  tourStep({
    id: "streaming",
    title: "Streaming",
    prose: `
\`execute\` waits for the whole reply. \`stream\` hands it over piece by piece as the model writes it: pass a
function and it is called with each chunk (\`chunk.text\`). The console shows the words arriving.

**Your task:** stream the storyteller's reply, count the chunks, and print \`chunks: <count>\`.
`,
    lua: {
      start: `local teller = Agent.builder():name("storyteller"):model("mock/default"):build()

local count = 0
local result = teller:execute({ text = "Tell a very short story" })
print("chunks: " .. count)`,
      solution: `local teller = Agent.builder():name("storyteller"):model("mock/default"):build()

local count = 0
local result = teller:stream({ text = "Tell a very short story" }, function(chunk)
  count = count + 1
end)
print("chunks: " .. count)`,
    },
    javascript: {
      start: `const teller = Agent.builder().name("storyteller").model("mock/default").build();

let count = 0;
const result = await teller.execute({ text: "Tell a very short story" });
print("chunks: " + count);`,
      solution: `const teller = Agent.builder().name("storyteller").model("mock/default").build();

let count = 0;
const result = await teller.stream({ text: "Tell a very short story" }, (chunk) => {
  count++;
});
print("chunks: " + count);`,
    },
    checks: [
      { kind: "source-contains", text: ":stream(", language: "lua", message: "Call teller:stream(...)." },
      { kind: "source-contains", text: ".stream(", language: "javascript", message: "Call teller.stream(...)." },
      {
        kind: "output-matches",
        pattern: "chunks: [1-9]\\d*",
        message: "Print how many chunks arrived (more than 0).",
        hint: "Add 1 to count in the function you pass to stream.",
      },
    ],
  }),
];
