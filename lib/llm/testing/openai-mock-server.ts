/**
 * A local OpenAI-compatible Chat Completions server for tests and benchmarks, bound to 127.0.0.1.
 * `POST /v1/chat/completions` streams SSE chunks (text word by word, streamed tool calls, usage) like
 * OpenAI does; `POST /v1/embeddings` answers small deterministic vectors (see `sendEmbeddings`). The model name picks a failure on demand:
 *
 * - `fail-401`, `fail-429`, `fail-500`: that status with an OpenAI-style error body (the 401 body repeats the
 *   key it got, as OpenAI does partially, so tests can prove the gateway scrubs it)
 * - `cut-stream`: a few chunks, then the socket is destroyed
 * - `end-early`: a few chunks, then a clean end with no finish_reason and no [DONE]
 * - `slow-first-byte`: waits `slowFirstByteMs` before the headers
 * - `never-respond`: never answers (until the client goes away)
 * - `malformed-chunk`: a chunk that is not JSON
 * - `bad-tool-args`: a tool call whose arguments are not valid JSON
 * - `stream-error`: an `{"error": …}` chunk mid-stream
 * - `slow-stream`: every chunk waits `slowChunkMs`
 * - `reset-once`: the first request with this model has its connection destroyed unanswered; later ones answer
 *
 * Any other model answers normally: with tools, a call of the first tool (arguments streamed in pieces);
 * after a tool result, a sentence using it; otherwise `Hello from the mock server: <last user message>`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface OpenAiMockServerOptions {
  /** Delay between streamed chunks (default 0). */
  chunkDelayMs?: number;
  slowFirstByteMs?: number;
  slowChunkMs?: number;
}

interface RecordedRequest {
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
}

export interface OpenAiMockServer {
  /** Base URL to use as `OPENAI_BASE_URL`, e.g. `http://127.0.0.1:41234/v1`. */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Responses the client abandoned before the server finished them (client disconnects). */
  abandoned: number;
  /** Responses written to the end. */
  completed: number;
  close(): Promise<void>;
}

interface ChatMessageWire {
  role: string;
  content?: string | null | { type: string; text?: string }[];
  tool_calls?: { id: string; function: { name: string; arguments: string } }[];
  tool_call_id?: string;
}

function textOf(content: ChatMessageWire["content"]): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) return content.map((p) => p.text ?? "").join("");
  return "";
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function sendError(res: ServerResponse, status: number, message: string, type: string, code: string | null): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify({ error: { message, type, param: null, code } }));
}

/** `POST /v1/embeddings`: per input, a 3-dimensional vector [length, vowels, 1] (no usage for `no-usage`). */
function sendEmbeddings(res: ServerResponse, model: string, input: unknown): void {
  const texts = Array.isArray(input) ? input.map(String) : [String(input ?? "")];
  const data = texts.map((t, index) => ({
    object: "embedding",
    index,
    embedding: [t.length, (t.match(/[aeiou]/gi) ?? []).length, 1],
  }));
  const tokens = texts.reduce((n, t) => n + t.split(/\s+/).filter(Boolean).length, 0);
  res.writeHead(200, { "content-type": "application/json" });
  res.end(
    JSON.stringify({
      object: "list",
      data,
      model,
      ...(model === "no-usage" ? {} : { usage: { prompt_tokens: tokens, total_tokens: tokens } }),
    }),
  );
}

export async function startOpenAiMockServer(options: OpenAiMockServerOptions = {}): Promise<OpenAiMockServer> {
  const state = { requests: [] as RecordedRequest[], abandoned: 0, completed: 0, resetDone: false };
  const openResponses = new Set<ServerResponse>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "").split("?")[0];
    const body = await readJson(req);
    state.requests.push({ path, authorization: req.headers.authorization, body });
    const embeddings = req.method === "POST" && path.endsWith("/embeddings");
    if (!embeddings && (req.method !== "POST" || !path.endsWith("/chat/completions")))
      return sendError(res, 404, `No route ${req.method} ${path}`, "invalid_request_error", null);

    const model = String(body.model ?? "");
    const messages = (Array.isArray(body.messages) ? body.messages : []) as ChatMessageWire[];
    const tools = (Array.isArray(body.tools) ? body.tools : []) as {
      function: { name: string; parameters?: unknown };
    }[];
    const key = (req.headers.authorization ?? "").replace(/^Bearer\s+/i, "");

    if (model === "fail-401")
      return sendError(
        res,
        401,
        `Incorrect API key provided: ${key}. You can find your API key at https://platform.openai.com/account/api-keys.`,
        "invalid_request_error",
        "invalid_api_key",
      );
    if (model === "fail-429") {
      res.setHeader("retry-after", "7");
      return sendError(res, 429, "Rate limit reached for requests", "requests", "rate_limit_exceeded");
    }
    if (model === "fail-500")
      return sendError(res, 500, "The server had an error while processing your request.", "server_error", null);
    if (model === "reset-once" && !state.resetDone) {
      state.resetDone = true;
      res.socket?.destroy();
      return;
    }
    if (model === "never-respond") {
      await new Promise<void>((resolve) => res.on("close", () => resolve()));
      state.abandoned++;
      return;
    }
    if (model === "slow-first-byte") await sleep(options.slowFirstByteMs ?? 2_000);
    if (res.destroyed) {
      state.abandoned++;
      return;
    }
    if (embeddings) return sendEmbeddings(res, model, body.input);

    const stream = body.stream === true;
    const includeUsage = Boolean((body.stream_options as { include_usage?: boolean } | undefined)?.include_usage);
    const id = "chatcmpl-mock";
    const created = 1_700_000_000;
    const base = { id, object: "chat.completion.chunk", created, model };
    const last = messages[messages.length - 1];
    const lastUser = [...messages].reverse().find((m) => m.role === "user");

    type Delta = { role?: string; content?: string; tool_calls?: unknown[] };
    const deltas: Delta[] = [];
    let finish = "stop";
    if (last?.role === "tool") {
      const words = `The tool said ${textOf(last.content)}.`.split(/(?<= )/);
      deltas.push(...words.map((w) => ({ content: w })));
    } else if (tools.length > 0) {
      finish = "tool_calls";
      const tool = tools[0].function;
      const args = model === "bad-tool-args" ? '{"expression": "2+2"' : JSON.stringify({ expression: "2+2" });
      const pieces = [args.slice(0, 5), args.slice(5, 12), args.slice(12)].filter(Boolean);
      deltas.push({
        tool_calls: [{ index: 0, id: "call_mock_1", type: "function", function: { name: tool.name, arguments: "" } }],
      });
      for (const p of pieces) deltas.push({ tool_calls: [{ index: 0, function: { arguments: p } }] });
    } else {
      const words = `Hello from the mock server: ${textOf(lastUser?.content)}`.split(/(?<= )/);
      deltas.push(...words.map((w) => ({ content: w })));
    }
    const completionTokens = deltas.length;
    const usage = { prompt_tokens: 11, completion_tokens: completionTokens, total_tokens: 11 + completionTokens };

    if (!stream) {
      const content = deltas.map((d) => d.content ?? "").join("");
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          id,
          object: "chat.completion",
          created,
          model,
          choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: finish }],
          usage,
        }),
      );
      state.completed++;
      return;
    }

    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    openResponses.add(res);
    let gone = false;
    res.on("close", () => {
      if (!res.writableFinished) gone = true;
      openResponses.delete(res);
    });
    const write = (data: unknown) => res.write(`data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`);
    const delay = model === "slow-stream" ? (options.slowChunkMs ?? 200) : (options.chunkDelayMs ?? 0);

    write({ ...base, choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }] });
    for (let i = 0; i < deltas.length; i++) {
      if (delay > 0) await sleep(delay);
      if (gone) {
        state.abandoned++;
        return;
      }
      if (i === 2 && model === "cut-stream") {
        res.socket?.destroy();
        return;
      }
      if (i === 2 && model === "end-early") {
        res.end();
        return;
      }
      if (i === 1 && model === "malformed-chunk") write("{this is not json");
      if (i === 1 && model === "stream-error") {
        write({ error: { message: "The model overloaded mid-stream.", type: "server_error", code: null } });
        res.end();
        return;
      }
      write({ ...base, choices: [{ index: 0, delta: deltas[i], finish_reason: null }] });
    }
    write({ ...base, choices: [{ index: 0, delta: {}, finish_reason: finish }] });
    if (includeUsage) write({ ...base, choices: [], usage });
    write("[DONE]");
    res.end();
    state.completed++;
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendError(res, 500, "mock server failure", "server_error", null);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    get requests() {
      return state.requests;
    },
    get abandoned() {
      return state.abandoned;
    },
    get completed() {
      return state.completed;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of openResponses) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
