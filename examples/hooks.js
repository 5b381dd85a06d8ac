// title: Hooks | level: advanced | tags: hooks, agents, tools | model: mock/echo | order: 15
// description: Run your own code before and after agents and tools: watch, change the input, skip or cancel.

const agent = Agent.builder().name("parrot").model("mock/echo").build();

// 1. Watch: a hook gets {point, component: {type, name}, data} and returns "continue".
const seen = [];
const watcher = Hook.register("BeforeToolExecution", (ctx) => {
  seen.push(ctx.component.name);
  return "continue";
});
await Tool.execute("calculator", { input: "1 + 1" });
await Tool.execute("uuid-generator", { operation: "generate" });
print("tools seen: " + seen.join(", "));

// 2. Modify: return {type: "modified", data: ...} to change what runs.
const polite = Hook.register("BeforeAgentExecution", (ctx) => {
  const text = ctx.data.input.text;
  return { type: "modified", data: { agent: ctx.data.agent, input: { text: text + ", please" } } };
}, "high");
print("the agent was asked: " + (await agent.execute({ text: "Pass the salt" })).text);

// 3. Skip: the tool does not run, and its result says so.
const skipper = Hook.register("BeforeToolExecution", (ctx) => {
  if (ctx.component.name === "hash-calculator") return "skip";
  return "continue";
});
const skipped = await Tool.execute("hash-calculator", { operation: "hash", input: "x" });
print("hash skipped: " + skipped.skipped);

// 4. Cancel: the call fails with the reason you give.
const guard = Hook.register("BeforeAgentExecution", (ctx) => {
  if (ctx.data.input.text.includes("secret")) {
    return { type: "cancel", reason: "no secrets, please" };
  }
  return "continue";
});
try {
  await agent.execute({ text: "tell me a secret" });
} catch (err) {
  print("cancelled: true (" + err.kind + ")");
}

// List hooks, and remove them when done.
print("hooks before agents: " + (await Hook.list("BeforeAgentExecution")).length);
print("all hooks: " + (await Hook.list()).length);
await guard.unregister();
await Hook.unregister(polite);
await watcher.unregister();
await skipper.unregister();
print("after unregistering: " + (await Hook.list()).length);
print("and now: " + (await agent.execute({ text: "Back to normal" })).text);
