/**
 * The built-in tour at /learn: from hello world to agents, tools, structured output, streaming, workflows,
 * hooks, events and state, in Lua and JavaScript, every step with checks and a solution, all on the mock
 * model. `tour.test.ts` runs every step through the real engines.
 */
import type { Lesson } from "../schema";
import { AGENTS } from "./agents";
import { BASICS } from "./basics";
import { RUNTIME } from "./runtime";
import { WORKFLOWS } from "./workflows";

export const TOUR: Lesson = {
  version: 1,
  title: "A tour of spells",
  languages: ["lua", "javascript"],
  steps: [...BASICS, ...AGENTS, ...WORKFLOWS, ...RUNTIME],
};
