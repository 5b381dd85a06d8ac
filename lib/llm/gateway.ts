/**
 * One model call from untrusted input to a stream of parts, shared by `POST /api/llm` and the CLI's direct
 * client: validate, pick the provider, then stream. Failures before streaming come back with an HTTP status.
 */
import { GATEWAY_CAPS, type GatewayCaps } from "./caps";
import { DEFAULT_MODEL } from "./default-model";
import { isMockModel } from "./mock";
import { resolveModel, type Env } from "./providers";
import { validateLlmRequest } from "./request-schema";
import { streamLanguageModel } from "./stream-model";
import type { LlmErrorKind, LlmRequest, StreamPart } from "./types";

export interface GatewayContext {
  env: Env;
  caps?: GatewayCaps;
  /** A user's own key for this call only. */
  byokKey?: string;
  /** Send the call to the mock whatever model it names. */
  mockAll?: boolean;
}

export type PreparedCall =
  | { ok: true; request: LlmRequest; modelId: string; stream(signal?: AbortSignal): AsyncGenerator<StreamPart> }
  | { ok: false; status: number; kind: LlmErrorKind; message: string; field?: string };

const STATUS: Partial<Record<LlmErrorKind, number>> = { unknown_model: 400, unavailable: 503, bad_request: 400 };

export function prepareLlmCall(body: unknown, ctx: GatewayContext): PreparedCall {
  const caps = ctx.caps ?? GATEWAY_CAPS;
  const checked = validateLlmRequest(body, caps);
  if (!checked.ok)
    return { ok: false, status: 400, kind: "bad_request", message: checked.message, field: checked.field };
  const request = checked.request;
  const modelId = ctx.mockAll && !isMockModel(request.model) ? DEFAULT_MODEL : request.model;
  const resolved = resolveModel(modelId, { env: ctx.env, byokKey: ctx.byokKey });
  if (!resolved.ok)
    return {
      ok: false,
      status: STATUS[resolved.kind] ?? 400,
      kind: resolved.kind,
      message: resolved.message,
      field: "model",
    };
  return {
    ok: true,
    request,
    modelId: resolved.modelId,
    stream: (signal) => streamLanguageModel(resolved.model, request, { caps, signal, secrets: resolved.secrets }),
  };
}
