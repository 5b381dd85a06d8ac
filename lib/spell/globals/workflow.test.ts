import { describe, expect, it } from "vitest";
import type { HostValue } from "@/lib/core/engine";
import type { JsonValue } from "@/lib/core/json";
import { createHarness, createScriptedLlm, spellFn, textReply } from "../test-support";

type Obj = { [k: string]: JsonValue };
type H = ReturnType<typeof createHarness>;

const calc = (name: string, expr: string) => ({
  name,
  type: "tool",
  tool: "calculator",
  input: { operation: "evaluate", input: expr },
});

function wf(h: H, ...calls: [string, ...HostValue[]][]) {
  return h.chain(h.callSync("Workflow.builder"), ...calls, ["build"]);
}
const extra = (r: HostValue) => ((r as Obj).metadata as Obj).extra as Obj;

/** A tool that waits `ms` and returns its input: for timing tests. */
function registerSleep(h: H, log: string[] = []) {
  h.callSync("Tool.register", {
    name: "sleep",
    description: "wait",
    execute: spellFn(async (p) => {
      const { ms, id } = p as { ms: number; id: string };
      log.push(`start ${id}`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`end ${id}`);
      return { success: true, result: id };
    }),
  });
}

describe("Workflow builder", () => {
  it("requires a type, known step types, and unique step names", () => {
    const h = createHarness();
    expect(() => wf(h, ["name", "w"])).toThrow(/Workflow type not specified/);
    const b = h.callSync("Workflow.builder");
    expect(() => h.invokeSync(b, "add_step", { name: "x", type: "magic" })).toThrow(
      'Workflow.builder():add_step: Unknown step type \'magic\' (use "tool", "agent" or "workflow")',
    );
    expect(() => h.invokeSync(b, "add_step", { type: "tool", tool: "calculator" })).toThrow(
      "Workflow.builder():add_step expects step.name to be a string, got nil",
    );
    expect(() => h.invokeSync(b, "add_step", { name: "t", type: "tool" })).toThrow(/needs tool =/);
    expect(() => h.invokeSync(b, "add_step", { name: "t", type: "template" })).toThrow(/templates/);
    expect(() => h.invokeSync(b, "error_strategy", "sometimes")).toThrow(
      /error_strategy expects one of "fail_fast", "continue", "retry", got "sometimes"/,
    );
    expect(() => wf(h, ["sequential"], ["add_step", calc("a", "1")], ["add_step", calc("a", "2")])).toThrow(
      /two steps are named 'a'/,
    );
  });
});

describe("functions in JSON-only workflow values", () => {
  const fn = spellFn(() => null);
  const message = (path: string, use = "used as a step input", where = "Workflow.sequential") =>
    `${where}: ${path} is a function, which cannot be ${use} (only JSON values can)`;
  const steps = [calc("a", "1"), { ...calc("b", "2"), input: { fn } }];

  it("step inputs name the step as the spell counts it (Lua from 1, JavaScript from 0)", () => {
    expect(() => createHarness({ engine: "lua" }).callSync("Workflow.sequential", { name: "x", steps })).toThrow(
      message("steps[2].input.fn"),
    );
    expect(() => createHarness({ engine: "javascript" }).callSync("Workflow.sequential", { name: "x", steps })).toThrow(
      message("steps[1].input.fn"),
    );
    const h = createHarness({ engine: "lua" });
    expect(() =>
      h.callSync("Workflow.parallel", { name: "p", branches: [{ steps: [calc("a", "1")] }, { steps }] }),
    ).toThrow(message("branches[2].steps[2].input.fn", undefined, "Workflow.parallel"));
    expect(() =>
      h.callSync("Workflow.loop", { name: "l", iterator: { range: { start: 0, end: 2 } }, body: steps }),
    ).toThrow(message("body[2].input.fn", undefined, "Workflow.loop"));
    expect(() => h.invokeSync(h.callSync("Workflow.builder"), "add_step", steps[1])).toThrow(
      message("step.input.fn", undefined, "Workflow.builder():add_step"),
    );
  });

  it("conditions, collections, shared data and execute input refuse functions too", async () => {
    const h = createHarness({ engine: "lua" });
    expect(() =>
      h.invokeSync(h.callSync("Workflow.builder"), "condition", {
        type: "shared_data_equals",
        key: "k",
        value: { f: fn },
      }),
    ).toThrow(message("value.f", "compared with shared data", "Workflow.builder():condition"));
    expect(() =>
      h.callSync("Workflow.conditional", {
        name: "c",
        condition: { type: "shared_data_equals", key: "k", value: [fn] },
        then_steps: [calc("a", "1")],
      }),
    ).toThrow(message("condition.value[1]", "compared with shared data", "Workflow.conditional"));
    expect(() => h.invokeSync(h.callSync("Workflow.builder"), "with_collection", ["a", fn])).toThrow(
      message("collection[2]", "a loop value", "Workflow.builder():with_collection"),
    );
    expect(() =>
      h.callSync("Workflow.loop", { name: "l2", iterator: { collection: [fn] }, body: [calc("a", "1")] }),
    ).toThrow(message("iterator.collection[1]", "a loop value", "Workflow.loop"));
    const w = wf(h, ["sequential"], ["add_step", calc("a", "1")]);
    expect(() => h.invokeSync(w, "set_shared_data", "k", { f: fn })).toThrow(
      message("value.f", "shared", "workflow:set_shared_data"),
    );
    expect(() => h.invokeSync(w, "execute", { cb: fn })).toThrow(
      message("input.cb", "used as workflow input", "workflow:execute"),
    );
    expect(extra(await h.invoke(w, "execute", { ok: 1 })).successful_steps).toBe(1);
  });
});

describe("sequential", () => {
  it("runs steps in order with the rs-llmspell result shape, traced as workflow > step > tool", async () => {
    const h = createHarness();
    const w = wf(
      h,
      ["name", "math"],
      ["sequential"],
      ["add_step", calc("a", "2 + 2 * 3")],
      ["add_step", calc("b", "{{steps.a.output.result.result}} * 10")],
    );
    expect(w).toMatchObject({ $class: "Workflow", name: "math", type: "sequential" });
    const r = (await h.invoke(w, "execute", {})) as Obj;
    expect(r.text).toMatch(/^Sequential workflow 'math' completed successfully\. 2 steps executed/);
    const x = extra(r);
    expect(x).toMatchObject({
      workflow_type: "sequential",
      workflow_name: "math",
      total_steps: 2,
      successful_steps: 2,
      failed_steps: 0,
      success_rate: 1,
    });
    expect(((x.step_outputs as Obj).b as Obj).result).toMatchObject({ result: 80 });
    const wfSpan = h.starts("workflow")[0];
    const steps = h.starts("step");
    expect(steps.map((s) => [s.name, s.parentId])).toEqual([
      ["a", wfSpan.id],
      ["b", wfSpan.id],
    ]);
    expect(h.starts("tool").map((t) => t.parentId)).toEqual(steps.map((s) => s.id));
    expect(await h.invoke(w, "get_output", "a")).toMatchObject({ success: true });
    expect(await h.invoke(w, "list_outputs")).toEqual(["a", "b"]);
  });

  it("get_output before execute raises rs-llmspell's message", async () => {
    const h = createHarness();
    const w = wf(h, ["sequential"], ["add_step", calc("a", "1")]);
    await expect(h.invoke(w, "get_output", "a")).rejects.toThrow(
      /No workflow execution found\. Run execute\(\) first\./,
    );
  });

  it("interpolates {{input}}, {{input.field}} and step text into agent steps; agent_outputs by agent name", async () => {
    const h = createHarness();
    h.chain(h.callSync("Agent.builder"), ["name", "echo"], ["model", "mock/echo"], ["build"]);
    const w = wf(
      h,
      ["sequential"],
      ["add_step", { name: "first", type: "agent", agent: "echo", input: "Topic: {{input.topic}}" }],
      [
        "add_step",
        { name: "second", type: "agent", agent: "echo", input: "Again: {{steps.first.output}} / {{input}}" },
      ],
    );
    const r = (await h.invoke(w, "execute", { input: "whole", topic: "owls" })) as Obj;
    const x = extra(r);
    expect(x.step_outputs).toEqual({ first: "Topic: owls", second: "Again: Topic: owls / whole" });
    expect(x.agent_outputs).toEqual({ echo: "Again: Topic: owls / whole" });
    expect(h.starts("agent").map((a) => a.parentId)).toEqual(h.starts("step").map((s) => s.id));
  });

  it("fail_fast raises `Step 'x' failed`, continue records failures and goes on", async () => {
    const h = createHarness();
    const bad = { name: "bad", type: "tool", tool: "calculator", input: {} };
    const w1 = wf(h, ["sequential"], ["add_step", bad], ["add_step", calc("ok", "1")]);
    await expect(h.invoke(w1, "execute", {})).rejects.toMatchObject({
      kind: "tool",
      message: expect.stringMatching(/^Step 'bad' failed: /),
    });
    const w2 = wf(h, ["sequential"], ["error_strategy", "continue"], ["add_step", bad], ["add_step", calc("ok", "1")]);
    const r = (await h.invoke(w2, "execute", {})) as Obj;
    expect(extra(r)).toMatchObject({ successful_steps: 1, failed_steps: 1 });
    expect(Object.keys(extra(r).errors as Obj)).toEqual(["bad"]);
    expect(r.success).toBe(false);
  });

  it("retry tries a failing step again", async () => {
    const h = createHarness();
    let n = 0;
    h.callSync("Tool.register", {
      name: "flaky",
      execute: spellFn(() => {
        if (++n < 3) throw new Error("not yet");
        return { success: true, result: n };
      }),
    });
    const w = wf(
      h,
      ["sequential"],
      ["error_strategy", "retry"],
      ["add_step", { name: "f", type: "tool", tool: "flaky" }],
    );
    const r = (await h.invoke(w, "execute", {})) as Obj;
    expect(n).toBe(3);
    expect(extra(r).successful_steps).toBe(1);
  });

  it("timeout_ms bounds the whole workflow; a step's timeout_ms bounds the step", async () => {
    const h = createHarness();
    registerSleep(h);
    const w = wf(
      h,
      ["sequential"],
      ["timeout_ms", 50],
      ["add_step", { name: "s", type: "tool", tool: "sleep", input: { ms: 300, id: "a" } }],
    );
    await expect(h.invoke(w, "execute", {})).rejects.toMatchObject({
      kind: "timeout",
      message: "workflow '" + (w as Obj).name + "' timed out after 50 ms",
    });
    const w2 = wf(
      h,
      ["sequential"],
      ["add_step", { name: "s", type: "tool", tool: "sleep", timeout_ms: 30, input: { ms: 300, id: "b" } }],
    );
    await expect(h.invoke(w2, "execute", {})).rejects.toThrow(/step 's' timed out after 30 ms/);
  });

  it("runs nested workflows and refuses one that contains itself", async () => {
    const h = createHarness();
    const inner = wf(h, ["name", "inner"], ["sequential"], ["add_step", calc("c", "{{input.n}} + 1")]);
    const outer = wf(
      h,
      ["name", "outer"],
      ["sequential"],
      ["add_step", { name: "sub", type: "workflow", workflow: inner, input: { n: 41 } }],
    );
    const r = (await h.invoke(outer, "execute", {})) as Obj;
    const sub = (extra(r).step_outputs as Obj).sub as Obj;
    expect(((extra(sub).step_outputs as Obj).c as Obj).result).toMatchObject({ result: 42 });
    const innerSpan = h.starts("workflow").find((s) => s.name === "inner")!;
    expect(innerSpan.parentId).toBe(h.starts("step").find((s) => s.name === "sub")!.id);
  });
});

describe("parallel", () => {
  it("really runs steps concurrently: all three start before the first ends", async () => {
    const h = createHarness();
    const log: string[] = [];
    registerSleep(h, log);
    const step = (id: string) => ({ name: id, type: "tool", tool: "sleep", input: { ms: 150, id } });
    const w = wf(h, ["parallel"], ["add_step", step("a")], ["add_step", step("b")], ["add_step", step("c")]);
    const r = (await h.invoke(w, "execute", {})) as Obj;
    expect(log.slice(0, 3)).toEqual(["start a", "start b", "start c"]);
    expect(extra(r)).toMatchObject({
      workflow_type: "parallel",
      successful_branches: 3,
      total_branches: 3,
      max_concurrency: 3,
    });
  });

  it("max_concurrency bounds how many run at once", async () => {
    const h = createHarness();
    const log: string[] = [];
    registerSleep(h, log);
    const step = (id: string) => ({ name: id, type: "tool", tool: "sleep", input: { ms: 40, id } });
    const w = wf(h, ["parallel"], ["max_concurrency", 1], ["add_step", step("a")], ["add_step", step("b")]);
    await h.invoke(w, "execute", {});
    expect(log).toEqual(["start a", "end a", "start b", "end b"]);
  });

  it("three parallel agent calls are all in flight at once", async () => {
    // Each reply is 3 parts 100 ms apart: every model call starts before the first one ends.
    const h = createHarness({ llm: createScriptedLlm([textReply("done")], { delayMs: 100 }), mockAll: false });
    for (const n of ["a1", "a2", "a3"])
      h.chain(h.callSync("Agent.builder"), ["name", n], ["model", "mock/x"], ["build"]);
    const w = wf(
      h,
      ["parallel"],
      ...["a1", "a2", "a3"].map((n): [string, HostValue] => [
        "add_step",
        { name: n, type: "agent", agent: n, input: "go" },
      ]),
    );
    const r = (await h.invoke(w, "execute", {})) as Obj;
    const modelStarts = new Set(h.starts("model").map((s) => s.id));
    const order = h.traces().filter((t) => modelStarts.has(t.id));
    expect(order.map((t) => t.phase)).toEqual(["start", "start", "start", "end", "end", "end"]);
    expect(extra(r).agent_outputs).toEqual({ a1: "done", a2: "done", a3: "done" });
  });

  it("fail_fast stops the others and raises", async () => {
    const h = createHarness();
    const log: string[] = [];
    registerSleep(h, log);
    const w = wf(
      h,
      ["parallel"],
      ["max_concurrency", 1],
      ["add_step", { name: "bad", type: "tool", tool: "calculator", input: {} }],
      ["add_step", { name: "s", type: "tool", tool: "sleep", input: { ms: 10, id: "never" } }],
    );
    await expect(h.invoke(w, "execute", {})).rejects.toThrow(/Step 'bad' failed/);
    expect(log).toEqual([]);
  });
});

describe("conditional", () => {
  it("branches on shared data", async () => {
    const h = createHarness();
    const w = wf(
      h,
      ["conditional"],
      ["condition", { type: "shared_data_equals", key: "mode", value: "fast" }],
      ["add_then_step", calc("then", "1")],
      ["add_else_step", calc("else", "2")],
    );
    let r = (await h.invoke(w, "execute", {})) as Obj;
    expect(Object.keys(extra(r).step_outputs as Obj)).toEqual(["else"]);
    expect(extra(r).matched_branch).toBe("else");
    await h.invoke(w, "set_shared_data", "mode", "fast");
    r = (await h.invoke(w, "execute", {})) as Obj;
    expect(Object.keys(extra(r).step_outputs as Obj)).toEqual(["then"]);
    const w2 = wf(
      h,
      ["conditional"],
      ["condition", { type: "shared_data_exists", key: "k" }],
      ["add_then_step", calc("t", "1")],
    );
    r = (await h.invoke(w2, "execute", {})) as Obj;
    expect(extra(r).total_steps).toBe(0);
    expect(() => h.invokeSync(h.callSync("Workflow.builder"), "condition", { type: "sometimes" })).toThrow(
      /condition expects type to be one of "shared_data_equals", "shared_data_exists", "always", "never", got "sometimes"/,
    );
  });
});

describe("loop", () => {
  it("iterates a range (end exclusive) with {{loop_value}} and {{loop_index}}", async () => {
    const h = createHarness();
    const w = wf(
      h,
      ["loop"],
      ["with_range", { start: 1, end: 4, step: 1 }],
      ["add_step", calc("sq", "{{loop_value}} * {{loop_value}} + {{loop_index}} * 0")],
    );
    const r = (await h.invoke(w, "execute", {})) as Obj;
    const x = extra(r);
    expect(x).toMatchObject({
      iterator_type: "range",
      total_iterations: 3,
      completed_iterations: 3,
      break_reason: "completed",
    });
    expect((x.iterations as Obj[]).map((i) => (((i.outputs as Obj).sq as Obj).result as Obj).result)).toEqual([
      1, 4, 9,
    ]);
  });

  it("iterates a collection, capped by max_iterations", async () => {
    const h = createHarness();
    const w = wf(
      h,
      ["loop"],
      ["with_collection", ["a", "b", "c"]],
      ["max_iterations", 2],
      [
        "add_step",
        {
          name: "up",
          type: "tool",
          tool: "text-manipulator",
          input: { operation: "uppercase", input: "{{loop_value}}" },
        },
      ],
    );
    const x = extra(await h.invoke(w, "execute", {}));
    expect(x).toMatchObject({ total_iterations: 2, break_reason: "max_iterations", collection_size: 3 });
  });
});

describe("table-style constructors and statics", () => {
  it("Workflow.sequential/parallel/loop tables, types, list, get", async () => {
    const h = createHarness();
    const s = h.callSync("Workflow.sequential", { name: "t1", steps: [calc("a", "1+1")] });
    expect(extra(await h.invoke(s, "execute", {})).successful_steps).toBe(1);
    const p = h.callSync("Workflow.parallel", {
      name: "t2",
      branches: [{ steps: [calc("a", "1")] }, { steps: [calc("b", "2")] }],
    });
    expect(extra(await h.invoke(p, "execute", {})).successful_steps).toBe(2);
    const l = h.callSync("Workflow.loop", {
      name: "t3",
      iterator: { range: { start: 0, end: 2 } },
      body: [calc("a", "{{loop_value}}")],
    });
    expect(extra(await h.invoke(l, "execute", {})).total_iterations).toBe(2);
    expect(h.callSync("Workflow.types")).toEqual(["sequential", "parallel", "conditional", "loop"]);
    expect((h.callSync("Workflow.list") as Obj[]).map((w) => w.name)).toEqual(["t1", "t2", "t3"]);
    expect(h.callSync("Workflow.get", "t2")).toEqual(p);
    expect(h.callSync("Workflow.get", "zzz")).toBeNull();
  });
});

describe("hooks around workflows", () => {
  it("BeforeWorkflowStage can skip a step or modify its input; AfterWorkflowComplete sees the result", async () => {
    const h = createHarness();
    h.callSync(
      "Hook.register",
      "BeforeWorkflowStage",
      spellFn((c) => {
        const d = (c as Obj).data as Obj;
        if (d.step === "skipme") return "skip";
        if (d.step === "change") return { type: "modified", data: { input: { operation: "evaluate", input: "100" } } };
        return "continue";
      }),
    );
    const done = spellFn(() => "continue");
    h.callSync("Hook.register", "AfterWorkflowComplete", done);
    const w = wf(h, ["sequential"], ["add_step", calc("skipme", "1")], ["add_step", calc("change", "1")]);
    const r = (await h.invoke(w, "execute", {})) as Obj;
    expect(extra(r)).toMatchObject({ skipped_steps: 1, successful_steps: 1 });
    expect((((extra(r).step_outputs as Obj).change as Obj).result as Obj).result).toBe(100);
    expect(((done.calls[0][0] as Obj).data as Obj).result).toMatchObject({
      text: expect.stringMatching(/completed successfully/),
    });
  });
});

describe("workflow limits and remaining hook points", () => {
  it("caps a loop at MAX_LOOP_ITERATIONS whatever the range says", async () => {
    const { MAX_LOOP_ITERATIONS } = await import("./workflow");
    const h = createHarness();
    let n = 0;
    h.callSync("Tool.register", { name: "count", execute: spellFn(() => ({ success: true, result: ++n })) });
    const w = wf(
      h,
      ["loop"],
      ["with_range", { start: 0, end: 1e9 }],
      ["add_step", { name: "c", type: "tool", tool: "count" }],
    );
    const x = extra(await h.invoke(w, "execute", {}));
    expect(x).toMatchObject({ total_iterations: MAX_LOOP_ITERATIONS, break_reason: "max_iterations" });
    expect(n).toBe(MAX_LOOP_ITERATIONS);
  }, 60_000);

  it("BeforeWorkflowStart can change the input; WorkflowError fires on failure", async () => {
    const h = createHarness();
    h.callSync(
      "Hook.register",
      "BeforeWorkflowStart",
      spellFn(() => ({ type: "modified", data: { input: { x: 5 } } })),
    );
    const errs = spellFn(() => undefined);
    h.callSync("Hook.register", "WorkflowError", errs);
    const ok = wf(h, ["sequential"], ["add_step", calc("a", "{{input.x}} * 2")]);
    expect((((extra(await h.invoke(ok, "execute", { x: 1 })).step_outputs as Obj).a as Obj).result as Obj).result).toBe(
      10,
    );
    const bad = wf(h, ["sequential"], ["add_step", { name: "b", type: "tool", tool: "calculator", input: {} }]);
    await expect(h.invoke(bad, "execute", {})).rejects.toThrow();
    expect((errs.calls[0][0] as Obj).data).toMatchObject({ error: { kind: "tool" } });
  });
});
