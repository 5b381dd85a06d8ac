// title: A parallel workflow | level: intermediate | tags: workflows, tools | order: 10
// description: Run independent steps at the same time, cap how many run at once, and collect the results.

// Parallel steps really run concurrently here (up to max_concurrency at a time).
const fingerprints = Workflow.builder()
  .name("fingerprints")
  .parallel()
  .max_concurrency(2)
  .add_step({ name: "md5", type: "tool", tool: "hash-calculator",
              input: { operation: "hash", algorithm: "md5", input: "{{input.text}}" } })
  .add_step({ name: "sha256", type: "tool", tool: "hash-calculator",
              input: { operation: "hash", algorithm: "sha256", input: "{{input.text}}" } })
  .add_step({ name: "base64", type: "tool", tool: "base64-encoder",
              input: { operation: "encode", input: "{{input.text}}" } })
  .add_step({ name: "length", type: "tool", tool: "calculator",
              input: { input: "len * 2", variables: { len: 5 } } })
  .build();

const result = await fingerprints.execute({ text: "hello" });
const extra = result.metadata.extra;
print("branches: " + extra.successful_branches + " of " + extra.total_branches + ", at most " + extra.max_concurrency + " at once");

// Outputs are keyed by step name, whatever order the steps finished in.
const out = extra.step_outputs;
print("md5:    " + out.md5.result.hash);
print("sha256: " + out.sha256.result.hash.slice(0, 16) + "...");
print("base64: " + out.base64.result.output);
print("len*2:  " + out.length.result.result);
