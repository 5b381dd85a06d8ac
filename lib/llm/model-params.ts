/**
 * The bounds of the sampling parameters (temperature, max tokens, top-p, seed), once: the gateway's request schema,
 * the page's model settings and the CLI's flags all check against them. `clampModelParams` brings a value into
 * range and says what it changed, for the places a person typed it.
 */
import * as z from "zod";
import { GATEWAY_CAPS } from "./caps";
import type { SamplingParams } from "./types";

export const SAMPLING_PARAM_KEYS = ["temperature", "maxTokens", "topP", "seed"] as const;
export type SamplingParamKey = (typeof SAMPLING_PARAM_KEYS)[number];

interface Bound {
  min: number;
  max: number;
  integer: boolean;
  /** How a person names it (settings, CLI messages). */
  label: string;
}

export const SAMPLING_PARAM_BOUNDS: Record<SamplingParamKey, Bound> = {
  temperature: { min: 0, max: 2, integer: false, label: "temperature" },
  // The gateway lowers a larger request to its cap anyway; a setting above it would be a promise not kept.
  maxTokens: { min: 1, max: GATEWAY_CAPS.maxOutputTokens, integer: true, label: "max tokens" },
  topP: { min: 0, max: 1, integer: false, label: "top-p" },
  seed: { min: 0, max: 2 ** 31 - 1, integer: true, label: "seed" },
};

/** "a number from 0 to 2", "a whole number from 1 to 4096": what a value must be, for error messages. */
const rangeOf = (b: Bound) => `${b.integer ? "a whole number" : "a number"} from ${b.min} to ${b.max}`;

const boundSchema = (b: Bound) => {
  const error = `${b.label} must be ${rangeOf(b)}`;
  const n = z.number({ error }).min(b.min, { error }).max(b.max, { error });
  return (b.integer ? n.int({ error }) : n).optional();
};

/** Sampling parameters, each optional and within its bounds. */
export const samplingParamsSchema = z.strictObject({
  temperature: boundSchema(SAMPLING_PARAM_BOUNDS.temperature),
  maxTokens: boundSchema(SAMPLING_PARAM_BOUNDS.maxTokens),
  topP: boundSchema(SAMPLING_PARAM_BOUNDS.topP),
  seed: boundSchema(SAMPLING_PARAM_BOUNDS.seed),
});

/**
 * Bring typed parameters into range: a value outside its bounds is set to the nearest bound (integers rounded), a
 * value that is not a finite number is dropped, and each change is described in `notes`.
 */
export function clampModelParams(input: { [K in SamplingParamKey]?: number | null }): {
  params: SamplingParams;
  notes: string[];
} {
  const params: SamplingParams = {};
  const notes: string[] = [];
  for (const key of SAMPLING_PARAM_KEYS) {
    const raw = input[key];
    if (raw === undefined || raw === null) continue;
    const b = SAMPLING_PARAM_BOUNDS[key];
    if (typeof raw !== "number" || !Number.isFinite(raw)) {
      notes.push(`${b.label} must be a number; it was left unset`);
      continue;
    }
    let v = b.integer ? Math.round(raw) : raw;
    if (v < b.min) v = b.min;
    if (v > b.max) v = b.max;
    if (v !== raw)
      notes.push(
        `${b.label} ${raw} is outside ${b.min} to ${b.max}${b.integer ? " (a whole number)" : ""}; it was set to ${v}`,
      );
    params[key] = v;
  }
  return { params, notes };
}

/** What is set, as a person reads it: "temperature 0.2, seed 7" ("" when nothing is). */
export function describeModelParams(params: SamplingParams): string {
  return SAMPLING_PARAM_KEYS.filter((k) => params[k] !== undefined)
    .map((k) => `${SAMPLING_PARAM_BOUNDS[k].label} ${params[k]}`)
    .join(", ");
}

/** The sampling parameters found in an untyped value (a provider's metadata, a wire chunk): finite numbers only. */
export function pickSamplingParams(value: unknown): SamplingParams | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  const out: SamplingParams = {};
  for (const key of SAMPLING_PARAM_KEYS) {
    const v = (value as Record<string, unknown>)[key];
    if (typeof v === "number" && Number.isFinite(v)) out[key] = v;
  }
  return out;
}

/**
 * Where a model call's parameter came from: the agent's `execute` input (`parameters`), the agent's own config
 * (`:temperature(0.2)`), the page's model settings (or the CLI's flags), or the run's token budget (which lowers
 * `maxTokens`). A parameter the call does not send is the provider's default.
 */
export const PARAM_SOURCES = ["call", "agent", "settings", "budget"] as const;
export type ParamSource = (typeof PARAM_SOURCES)[number];
