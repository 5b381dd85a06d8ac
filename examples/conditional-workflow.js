// title: A conditional workflow | level: intermediate | tags: workflows | order: 11
// description: Branch on shared data: the then-steps run when the condition holds, the else-steps otherwise.

function buildRouter() {
  return Workflow.builder()
    .name("greeting-router")
    .conditional()
    .condition({ type: "shared_data_equals", key: "language", value: "fr" })
    .add_then_step({ name: "french", type: "tool", tool: "text-manipulator",
                     input: { operation: "uppercase", input: "bonjour" } })
    .add_else_step({ name: "english", type: "tool", tool: "text-manipulator",
                     input: { operation: "uppercase", input: "hello" } })
    .build();
}

// set_shared_data puts a value where the condition can see it.
for (const language of ["fr", "en"]) {
  const router = buildRouter();
  await router.set_shared_data("language", language);
  const result = await router.execute({});
  const extra = result.metadata.extra;
  const step = extra.matched_branch === "then" ? "french" : "english";
  print(language + " -> " + extra.matched_branch + " branch -> " + extra.step_outputs[step].result.result);
}

// Other conditions: shared_data_exists, always, never.
const guard = Workflow.builder()
  .name("guard")
  .conditional()
  .condition({ type: "shared_data_exists", key: "user" })
  .add_then_step({ name: "welcome", type: "tool", tool: "calculator", input: { input: "1" } })
  .add_else_step({ name: "refuse", type: "tool", tool: "calculator", input: { input: "0" } })
  .build();
print("no user yet: " + (await guard.execute({})).metadata.extra.matched_branch);
await guard.set_shared_data("user", "ada");
print("with a user: " + (await guard.execute({})).metadata.extra.matched_branch);
