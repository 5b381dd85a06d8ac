/**
 * Spell-API bridge overhead, measured in this process:
 *
 * - `Tool.execute("calculator", {operation = "evaluate", input = "2 + 2 * 3"})` called N times in a loop from
 *   each engine, minus the same loop without the call, per call; against the calculator's TypeScript
 *   `execute()` called directly with the same params. Target: under 20 µs added a call.
 * - `agent:execute({text = "hi"})` on `mock/default` called M times from each engine (one agent built before
 *   the loop with `max_conversation_length(0)`, so every request is the same system + user message, no history), minus the same
 *   spell without the calls; against streaming that request from the mock client directly. Target: under 1 ms.
 *
 * A middle arm calls the spell API's host functions from TypeScript (no engine), to tell the API layer's share
 * (trace spans, hooks, budgets, handles) from the engine crossing. Each arm checks its result, so a broken
 * call cannot produce a fast number. Run alone with `npx tsx bench/api.ts [--quick]`; `bench/run.ts` prints it
 * as its "api overhead" section.
 */
import { dialectOf } from "@/lib/core/dialect";
import path from "node:path";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import type { ApiSurface, HandleRef, HostValue } from "@/lib/core/engine";
import type { JsonValue } from "@/lib/core/json";
import { createEngine } from "@/engines/registry";
import { createMockLlmClient } from "@/lib/llm/mock";
import type { LlmClient, LlmRequest } from "@/lib/llm/types";
import { createSpellApi, DEFAULT_LIMITS } from "@/lib/spell";
import { createMemoryStateStore } from "@/lib/spell/state/memory";
import { findTool, type JsonObject } from "@/lib/tools";
import { ENGINES, type EngineName } from "./engines";
import { formatTable, median, type Sample } from "./stats";

export interface ApiBenchOptions {
  /** Measurements per arm (each a whole loop). Default 5. */
  reps?: number;
  /** `Tool.execute` calls a loop makes, per engine. */
  toolCalls?: Record<EngineName, number>;
  /** `agent:execute` calls a loop makes. */
  agentCalls?: number;
}

export const TOOL_TARGET_US = 20;
export const AGENT_TARGET_MS = 1;

const TOOL_PARAMS = { operation: "evaluate", input: "2 + 2 * 3" } as const;
const TOOL_EXPECTED = 8;
const AGENT_NAME = "bench";
const AGENT_MODEL = "mock/default";
/** Set explicitly (not agent.ts's default), so the direct request is the same as the agent's by construction. */
const AGENT_SYSTEM = "You are a benchmark agent.";

const TOOL_MEASURE = "Tool.execute(calculator)";
const TOOL_BASELINE = "v8: calculator execute() called directly";
const AGENT_MEASURE = "agent:execute(mock/default)";
const AGENT_BASELINE = "v8: mock client stream() called directly";

const DEFAULT_TOOL_CALLS: Record<EngineName, number> = { lua: 2000, javascript: 300 };
const DEFAULT_AGENT_CALLS = 200;

/** The spell API for one run, on the mock model with no chunk delay; the model-call budget fits the loop. */
function makeApi(
  engine: EngineName,
  modelCalls: number,
  llm: LlmClient = createMockLlmClient({ chunkDelayMs: 0 }),
): ApiSurface {
  return createSpellApi({
    llm,
    state: createMemoryStateStore(),
    emit: () => {},
    dialect: dialectOf(engine),
    now: () => performance.now(),
    signal: new AbortController().signal,
    limits: { ...DEFAULT_LIMITS, maxModelCalls: Math.max(DEFAULT_LIMITS.maxModelCalls, modelCalls + 1) },
    defaultModel: AGENT_MODEL,
    engine,
  });
}

function toolSpell(engine: EngineName, calls: number, withCall: boolean): string {
  if (engine === "lua") {
    const body = withCall ? 'r = Tool.execute("calculator", p)' : "r = p";
    return `local r\nfor i = 1, ${calls} do\n  local p = {operation = "${TOOL_PARAMS.operation}", input = "${TOOL_PARAMS.input}"}\n  ${body}\nend\nreturn ${withCall ? "r.result.result" : TOOL_EXPECTED}`;
  }
  const body = withCall ? 'r = await Tool.execute("calculator", p);' : "r = p;";
  return `let r;\nfor (let i = 0; i < ${calls}; i++) {\n  const p = { operation: "${TOOL_PARAMS.operation}", input: "${TOOL_PARAMS.input}" };\n  ${body}\n}\nexport default ${withCall ? "r.result.result" : TOOL_EXPECTED};`;
}

function agentSpell(engine: EngineName, calls: number): string {
  if (engine === "lua") {
    return `local agent = Agent.builder():name("${AGENT_NAME}"):model("${AGENT_MODEL}"):system_prompt("${AGENT_SYSTEM}"):max_conversation_length(0):build()\nlocal r = {text = ""}\nfor i = 1, ${calls} do r = agent:execute({text = "hi"}) end\nreturn r.text`;
  }
  return `const agent = Agent.builder().name("${AGENT_NAME}").model("${AGENT_MODEL}").system_prompt("${AGENT_SYSTEM}").max_conversation_length(0).build();\nlet r = { text: "" };\nfor (let i = 0; i < ${calls}; i++) r = await agent.execute({ text: "hi" });\nexport default r.text;`;
}

/** ms of one `execute` (the engine instance is created before the clock starts), and the value it returned. */
async function timedRun(
  engine: EngineName,
  source: string,
  api: ApiSurface,
): Promise<{ ms: number; value: JsonValue }> {
  const e = await createEngine(engine);
  try {
    const t0 = performance.now();
    const r = await e.execute(source, { api, timeoutMs: 60_000, wallTimeoutMs: 120_000 });
    const ms = performance.now() - t0;
    if (!r.ok) throw new Error(`${engine}: ${r.error.kind}: ${r.error.message}`);
    return { ms, value: r.value };
  } finally {
    e.dispose();
  }
}

function expectValue(where: string, got: unknown, want: unknown): void {
  if (got !== want) throw new Error(`${where}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
}

/** Per-call µs of `Tool.execute` from the spell: a loop with the call minus the same loop without it. */
async function measureToolFromEngine(engine: EngineName, calls: number): Promise<number> {
  const withCalls = await timedRun(engine, toolSpell(engine, calls, true), makeApi(engine, 0));
  const loopOnly = await timedRun(engine, toolSpell(engine, calls, false), makeApi(engine, 0));
  expectValue(`${engine} Tool.execute`, withCalls.value, TOOL_EXPECTED);
  return ((withCalls.ms - loopOnly.ms) * 1000) / calls;
}

const resultOf = (r: unknown) => ((r as JsonObject).result as JsonObject | undefined)?.result;

/** Per-call µs of the calculator's own `execute()`, no spell API, no engine. */
async function measureToolDirect(calls: number): Promise<number> {
  const calculator = findTool("calculator")!;
  const ctx = { signal: new AbortController().signal };
  let last: unknown;
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) last = await calculator.execute({ ...TOOL_PARAMS }, ctx);
  const us = ((performance.now() - t0) * 1000) / calls;
  expectValue("calculator.execute", resultOf(last), TOOL_EXPECTED);
  return us;
}

/** Per-call µs of the `Tool.execute` host function called from TypeScript: the API layer without an engine. */
async function measureToolHostFunction(calls: number): Promise<number> {
  const execute = makeApi("lua", 0).globals.Tool.functions.execute;
  let last: unknown;
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) last = await execute(["calculator", { ...TOOL_PARAMS }]);
  const us = ((performance.now() - t0) * 1000) / calls;
  expectValue("Tool.execute host function", resultOf(last), TOOL_EXPECTED);
  return us;
}

/** The request `agent:execute({text = "hi"})` sends for the bench agent (system + user, no history). */
function agentRequest(): LlmRequest {
  return {
    model: AGENT_MODEL,
    messages: [
      { role: "system", content: AGENT_SYSTEM },
      { role: "user", content: "hi" },
    ],
    maxTokens: DEFAULT_LIMITS.maxRunTokens,
  };
}

async function streamText(llm: LlmClient, request: LlmRequest, signal: AbortSignal): Promise<string> {
  let text = "";
  for await (const part of llm.stream(request, signal)) if (part.type === "text-delta") text += part.text;
  return text;
}

/** The mock's reply to the bench request, which every arm must return. */
async function expectedReply(): Promise<string> {
  return streamText(createMockLlmClient(), agentRequest(), new AbortController().signal);
}

/** Per-call ms of `agent:execute` from the spell: the spell with the calls minus the spell that only builds the agent. */
async function measureAgentFromEngine(engine: EngineName, calls: number, reply: string): Promise<number> {
  const withCalls = await timedRun(engine, agentSpell(engine, calls), makeApi(engine, calls));
  const buildOnly = await timedRun(engine, agentSpell(engine, 0), makeApi(engine, 0));
  expectValue(`${engine} agent:execute`, withCalls.value, reply);
  return (withCalls.ms - buildOnly.ms) / calls;
}

/** Per-call ms of streaming the same request from the mock client directly (a fresh request each call). */
async function measureAgentDirect(calls: number, reply: string): Promise<number> {
  const llm = createMockLlmClient({ chunkDelayMs: 0 });
  const signal = new AbortController().signal;
  let last = "";
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) last = await streamText(llm, agentRequest(), signal);
  const ms = (performance.now() - t0) / calls;
  expectValue("mock client stream", last, reply);
  return ms;
}

/** Per-call ms of the Agent host methods called from TypeScript: the API layer without an engine. */
async function measureAgentHostMethods(calls: number, reply: string, llm?: LlmClient): Promise<number> {
  const api = makeApi("lua", calls, llm);
  const builder = api.classes.AgentBuilder.methods;
  let b = (await api.globals.Agent.functions.builder([])) as HandleRef;
  b = (await builder.name(b, [AGENT_NAME])) as HandleRef;
  b = (await builder.model(b, [AGENT_MODEL])) as HandleRef;
  b = (await builder.system_prompt(b, [AGENT_SYSTEM])) as HandleRef;
  b = (await builder.max_conversation_length(b, [0])) as HandleRef;
  const agent = (await builder.build(b, [])) as HandleRef;
  const execute = api.classes.Agent.methods.execute;
  let last: HostValue;
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) last = await execute(agent, [{ text: "hi" }]);
  const ms = (performance.now() - t0) / calls;
  expectValue("Agent execute host method", (last as { text?: unknown }).text, reply);
  return ms;
}

/** Check once that the agent sends the model the very messages the direct arm sends. */
async function checkAgentRequest(reply: string): Promise<void> {
  const mock = createMockLlmClient({ chunkDelayMs: 0 });
  const seen: LlmRequest[] = [];
  const recording: LlmClient = {
    stream: (request, signal) => {
      seen.push(request);
      return mock.stream(request, signal);
    },
    embed: (model, texts, signal) => mock.embed(model, texts, signal),
    listModels: () => mock.listModels(),
  };
  await measureAgentHostMethods(2, reply, recording);
  expectValue(
    "the agent's model request",
    JSON.stringify(seen.at(-1)?.messages),
    JSON.stringify(agentRequest().messages),
  );
}

/** Load the engines, the calculator's mathjs parser and the spell API's lazy parts before any clock runs. */
async function warmUp(reply: string): Promise<void> {
  await measureToolDirect(50);
  await measureToolHostFunction(50);
  await measureAgentDirect(20, reply);
  await measureAgentHostMethods(20, reply);
  await checkAgentRequest(reply);
  for (const engine of ENGINES) {
    await measureToolFromEngine(engine, 20);
    await measureAgentFromEngine(engine, 5, reply);
  }
}

export async function runApiBench(opts: ApiBenchOptions = {}): Promise<Sample[]> {
  const reps = opts.reps ?? 5;
  const toolCalls = opts.toolCalls ?? DEFAULT_TOOL_CALLS;
  const agentCalls = opts.agentCalls ?? DEFAULT_AGENT_CALLS;
  const reply = await expectedReply();
  await warmUp(reply);

  const directCalls = Math.max(...Object.values(toolCalls));
  const tool = { direct: [] as number[], host: [] as number[], lua: [] as number[], javascript: [] as number[] };
  const agent = { direct: [] as number[], host: [] as number[], lua: [] as number[], javascript: [] as number[] };
  // Interleaved: each rep measures every arm once, so a noisy moment does not land on one arm only.
  for (let i = 0; i < reps; i++) {
    tool.direct.push(await measureToolDirect(directCalls));
    tool.host.push(await measureToolHostFunction(directCalls));
    for (const engine of ENGINES) tool[engine].push(await measureToolFromEngine(engine, toolCalls[engine]));
    agent.direct.push(await measureAgentDirect(agentCalls, reply));
    agent.host.push(await measureAgentHostMethods(agentCalls, reply));
    for (const engine of ENGINES) agent[engine].push(await measureAgentFromEngine(engine, agentCalls, reply));
  }

  return [
    { name: `${TOOL_BASELINE} (${directCalls} calls)`, unit: "µs/call", values: tool.direct, note: "baseline" },
    {
      name: "v8: Tool.execute host function, no engine",
      unit: "µs/call",
      values: tool.host,
      note: toolAdded.note(tool.host, tool.direct),
    },
    ...ENGINES.map((e) => ({
      name: `${e}: ${TOOL_MEASURE} (${toolCalls[e]} calls)`,
      unit: "µs/call",
      values: tool[e],
      note: toolAdded.note(tool[e], tool.direct),
    })),
    { name: `${AGENT_BASELINE} (${agentCalls} calls)`, unit: "ms/call", values: agent.direct, note: "baseline" },
    {
      name: "v8: Agent execute host method, no engine",
      unit: "ms/call",
      values: agent.host,
      note: agentAdded.note(agent.host, agent.direct),
    },
    ...ENGINES.map((e) => ({
      name: `${e}: ${AGENT_MEASURE} (${agentCalls} calls)`,
      unit: "ms/call",
      values: agent[e],
      note: agentAdded.note(agent[e], agent.direct),
    })),
  ];
}

/** What an arm adds over its baseline: the difference of the medians, against the target. */
function addedTime(unit: "µs" | "ms", target: number) {
  const digits = unit === "ms" ? 3 : 1;
  const added = (values: number[], baseline: number[]) => median(values) - median(baseline);
  return {
    note: (values: number[], baseline: number[]) =>
      `adds ${added(values, baseline).toFixed(digits)} ${unit} (${(median(values) / median(baseline)).toFixed(1)}×), target < ${target} ${unit}`,
    line: (values: number[], baseline: number[], what: string, over: string) => {
      const a = added(values, baseline);
      return `${what} adds ${a.toFixed(digits)} ${unit} a call over ${over} (target < ${target} ${unit}: ${a < target ? "met" : `NOT met, ${(a / target).toFixed(1)}× the target`})`;
    },
  };
}

const toolAdded = addedTime("µs", TOOL_TARGET_US);
const agentAdded = addedTime("ms", AGENT_TARGET_MS);

/** One line per engine and measure, from the samples `runApiBench` returns. */
export function summarizeApiBench(samples: Sample[]): string[] {
  const find = (prefix: string) => samples.find((s) => s.name.startsWith(prefix))?.values;
  const lines: string[] = [];
  const toolBase = find(TOOL_BASELINE);
  const agentBase = find(AGENT_BASELINE);
  for (const engine of ENGINES) {
    const tool = find(`${engine}: ${TOOL_MEASURE}`);
    if (tool && toolBase) lines.push(toolAdded.line(tool, toolBase, `${engine}: ${TOOL_MEASURE}`, "the direct call"));
  }
  for (const engine of ENGINES) {
    const agent = find(`${engine}: ${AGENT_MEASURE}`);
    if (agent && agentBase)
      lines.push(agentAdded.line(agent, agentBase, `${engine}: ${AGENT_MEASURE}`, "the mock client called directly"));
  }
  return lines;
}

function argNumber(name: string): number | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 && /^\d+$/.test(process.argv[i + 1] ?? "") ? Number(process.argv[i + 1]) : undefined;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes("--quick");
  console.log(
    `llmspell api bench: node ${process.version}, ${cpus().length} cpu(s), load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  const t0 = performance.now();
  runApiBench({ reps: argNumber("--reps") ?? (quick ? 3 : 5) }).then(
    (samples) => {
      console.log("");
      console.log(formatTable(samples));
      console.log("");
      for (const line of summarizeApiBench(samples)) console.log(line);
      console.log(
        `\n${((performance.now() - t0) / 1000).toFixed(1)} s, load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(" ")}`,
      );
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
