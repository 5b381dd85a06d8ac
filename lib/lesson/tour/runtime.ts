/** The tour's last steps: hooks, events and state. */
import { tourStep } from "./step";

export const RUNTIME = [
  tourStep({
    id: "hooks",
    title: "Hooks",
    prose: `
**Hooks** run your function at fixed points: before an agent runs, after a tool, when a workflow fails...
A hook can watch, change the data (\`{ type = "modified", data = ... }\`), skip the call or cancel it.

**Your task:** register a \`BeforeAgentExecution\` hook that adds \`, please\` to the agent's input text, so
that the parrot (\`mock/echo\`) answers \`Pass the salt, please\`.
`,
    lua: {
      start: `local parrot = Agent.builder():name("parrot"):model("mock/echo"):build()

-- Register the hook here.

print(parrot:execute({ text = "Pass the salt" }).text)`,
      solution: `local parrot = Agent.builder():name("parrot"):model("mock/echo"):build()

Hook.register("BeforeAgentExecution", function(ctx)
  local text = ctx.data.input.text
  return { type = "modified", data = { agent = ctx.data.agent, input = { text = text .. ", please" } } }
end)

print(parrot:execute({ text = "Pass the salt" }).text)`,
    },
    javascript: {
      start: `const parrot = Agent.builder().name("parrot").model("mock/echo").build();

// Register the hook here.

print((await parrot.execute({ text: "Pass the salt" })).text);`,
      solution: `const parrot = Agent.builder().name("parrot").model("mock/echo").build();

Hook.register("BeforeAgentExecution", (ctx) => {
  const text = ctx.data.input.text;
  return { type: "modified", data: { agent: ctx.data.agent, input: { text: text + ", please" } } };
});

print((await parrot.execute({ text: "Pass the salt" })).text);`,
    },
    checks: [
      { kind: "source-contains", text: "Hook.register", message: "Register a hook with Hook.register." },
      {
        kind: "output-contains",
        text: "Pass the salt, please",
        message: "The parrot should say: Pass the salt, please",
        hint: 'Return { type = "modified", data = { agent = ..., input = { text = text .. ", please" } } }.',
      },
    ],
  }),
  tourStep({
    id: "events",
    title: "Events",
    prose: `
**Events** let parts of a spell talk without knowing each other: \`Event.publish(type, data)\` sends one,
\`Event.subscribe(pattern)\` listens (\`order.*\` matches every order event), and \`Event.receive(subscription,
timeout_ms)\` takes the next one (nil/null when there is none).

**Your task:** publish an \`order.created\` event with \`{ id = 7 }\`, receive it on the subscription and print
\`got order.created #7\`.
`,
    lua: {
      start: `local orders = Event.subscribe("order.*")

-- Publish order.created with { id = 7 } here.

local event = Event.receive(orders, 0)
if event == nil then
  print("no event")
else
  print("got " .. event.event_type .. " #" .. event.data.id)
end`,
      solution: `local orders = Event.subscribe("order.*")

Event.publish("order.created", { id = 7 })

local event = Event.receive(orders, 0)
if event == nil then
  print("no event")
else
  print("got " .. event.event_type .. " #" .. event.data.id)
end`,
    },
    javascript: {
      start: `const orders = await Event.subscribe("order.*");

// Publish order.created with { id: 7 } here.

const event = await Event.receive(orders, 0);
if (event == null) {
  print("no event");
} else {
  print("got " + event.event_type + " #" + event.data.id);
}`,
      solution: `const orders = await Event.subscribe("order.*");

await Event.publish("order.created", { id: 7 });

const event = await Event.receive(orders, 0);
if (event == null) {
  print("no event");
} else {
  print("got " + event.event_type + " #" + event.data.id);
}`,
    },
    checks: [
      { kind: "source-contains", text: "Event.publish", message: "Publish the event with Event.publish." },
      { kind: "output-contains", text: "got order.created #7", message: "Receive the event and print it." },
    ],
  }),
  tourStep({
    id: "state",
    title: "State",
    prose: `
\`State\` keeps values between runs, in scopes: \`State.save(scope, key, value)\` stores one,
\`State.load(scope, key)\` reads it back (nil/null when missing). In the playground, State lives in your
browser; in the CLI, in a file.

**Your task:** save the profile \`{ name = "Ada", level = 2 }\` under scope \`tour\`, key \`profile\`, then load
it back and return what you loaded.
`,
    lua: {
      start: `local profile = { name = "Ada", level = 2 }

-- Save it, then load it back.
local loaded = nil
return loaded`,
      solution: `local profile = { name = "Ada", level = 2 }

State.save("tour", "profile", profile)
local loaded = State.load("tour", "profile")
return loaded`,
    },
    javascript: {
      start: `const profile = { name: "Ada", level: 2 };

// Save it, then load it back.
const loaded = null;
export default loaded;`,
      solution: `const profile = { name: "Ada", level: 2 };

await State.save("tour", "profile", profile);
const loaded = await State.load("tour", "profile");
export default loaded;`,
    },
    checks: [
      { kind: "source-contains", text: "State.save", message: "Save the profile with State.save." },
      { kind: "source-contains", text: "State.load", message: "Load it back with State.load." },
      {
        kind: "value-equals",
        value: { name: "Ada", level: 2 },
        message: "Return the loaded profile.",
      },
    ],
  }),
];
