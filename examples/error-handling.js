// title: Handling errors | level: beginner | tags: errors, basics | order: 14
// description: Catch failures, read their kind and message, and tell failed results from errors.

// 1. A call that fails throws a SpellError; try/catch catches it.
//    The error has kind and message (and line, when known).
try {
  // check-ignore: unknown-tool (this call fails on purpose)
  await Tool.execute("teleporter", {});
} catch (err) {
  print("ok: false");
  print("kind: " + err.kind);
  print("message: " + err.message);
}

// 2. A missing or wrong parameter throws a "tool" error naming the parameter.
try {
  // check-ignore: missing-param (on purpose)
  await Tool.execute("text-manipulator", { operation: "uppercase" });
} catch (err) {
  print("missing input -> " + err.kind + " error");
}

// 3. Some failures are not errors: the tool ran, but the operation failed.
//    Check success before using the result.
const bad = await Tool.execute("calculator", { input: "2 + * 3" });
print("bad expression -> success = " + bad.success);
if (!bad.success) {
  print("so read bad.error.message instead of the result");
}

// 4. Your own errors: throw an object (or an Error) and catch it the same way.
function withdraw(balance, amount) {
  if (amount > balance) {
    throw { kind: "insufficient_funds", message: "balance too low" };
  }
  return balance - amount;
}
print("withdraw 3 of 10: true, left " + withdraw(10, 3));
try {
  withdraw(10, 30);
} catch (problem) {
  print("withdraw 30 of 10: false, " + problem.kind + ": " + problem.message);
}

// 5. A failing workflow step stops the workflow, unless error_strategy says "continue".
const tolerant = Workflow.builder()
  .name("tolerant")
  .sequential()
  .error_strategy("continue")
  .add_step({ name: "broken", type: "tool", tool: "calculator", input: { input: "1 / / 2" } })
  .add_step({ name: "fine", type: "tool", tool: "calculator", input: { input: "1 + 1" } })
  .build();
const extra = (await tolerant.execute({})).metadata.extra;
print("continue: " + extra.successful_steps + " succeeded, " + extra.failed_steps + " failed");
