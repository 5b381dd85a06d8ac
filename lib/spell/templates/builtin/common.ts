/** Parameters and helpers several built-in templates share. */
import type { ParamSpec } from "../params";

export const MODEL_PARAM: ParamSpec = {
  name: "model",
  description: "Model for the template's agents, \"provider/model\" (default: the run's default model)",
  type: "string",
  minLength: 1,
};

export const SESSION_PARAM: ParamSpec = {
  name: "session_id",
  description: "A Session id: the template stores its outputs there as artifacts",
  type: "string",
  minLength: 1,
};

/** Rough tokens of a text (4 characters a token), for estimates. */
export const tokensOf = (text: string) => Math.ceil(text.length / 4);

export const str = (v: unknown, fallback = ""): string => (typeof v === "string" ? v : fallback);
