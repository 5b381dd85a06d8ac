/**
 * The one error envelope every API route answers with: `{ error: { kind, message, field? } }`, JSON, never
 * cached. `kind` is a stable machine word (the LLM gateway's error kinds, or the share API's), `message` a
 * sentence for people, `field` the request field at fault when there is one.
 */
export interface ApiErrorBody<Kind extends string = string> {
  error: { kind: Kind; message: string; field?: string };
}

export function errorResponse<Kind extends string>(
  status: number,
  error: ApiErrorBody<Kind>["error"],
  headers: Record<string, string> = {},
): Response {
  const body: ApiErrorBody<Kind> = {
    error: { kind: error.kind, message: error.message, ...(error.field ? { field: error.field } : {}) },
  };
  return Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });
}

/** The message of an error envelope in a response body, when the body is one. */
export function errorMessageOf(body: unknown): string | undefined {
  const message = (body as ApiErrorBody | undefined)?.error?.message;
  return typeof message === "string" ? message : undefined;
}
