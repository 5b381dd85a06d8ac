// title: Placeholders between steps | level: intermediate | tags: workflows, placeholders | model: mock/echo | order: 13
// description: Feed the workflow input and earlier step outputs into later steps with {{...}} placeholders.

Agent.builder().name("writer").model("mock/echo").build();

// {{input}} is the workflow input (or its text), {{input.field}} one field of it,
// {{steps.NAME.output}} a step's text and {{steps.NAME.output.path}} a field inside it.
// A value that is exactly one placeholder keeps its type (a number stays a number).
const report = Workflow.builder()
  .name("report")
  .sequential()
  .add_step({ name: "total", type: "tool", tool: "calculator",
              input: { input: "price * qty", variables: { price: "{{input.price}}", qty: "{{input.qty}}" } } })
  .add_step({ name: "label", type: "tool", tool: "text-manipulator",
              input: { operation: "uppercase", input: "{{input.item}}" } })
  .add_step({ name: "line", type: "tool", tool: "template-creator",
              input: { input: "{{ qty }} x {{ item }} = {{ total }}",
                       context: { qty: "{{input.qty}}", item: "{{steps.label.output.result.result}}",
                                  total: "{{steps.total.output.result.result}}" } } })
  .add_step({ name: "say", type: "agent", agent: "writer",
              input: "Invoice line: {{steps.line.output.result.rendered}}" })
  .build();

const result = await report.execute({ item: "wand", price: 12, qty: 3 });
const outputs = result.metadata.extra.step_outputs;
print("total: " + outputs.total.result.result);
print("label: " + outputs.label.result.result);
print("line: " + outputs.line.result.rendered);
print("writer: " + outputs.say);

// A placeholder nobody can fill is left as it is, so mistakes are easy to spot.
const oops = Workflow.builder()
  .name("oops")
  .sequential()
  .add_step({ name: "echo", type: "tool", tool: "text-manipulator",
              input: { operation: "lowercase", input: "Missing: {{steps.nowhere.output}}" } })
  .build();
print((await oops.execute({})).metadata.extra.step_outputs.echo.result.result);
