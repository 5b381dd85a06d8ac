/**
 * The evaluation budget of one `Interpreter`: every evaluation step calls `tick()`, which throws `JqLimitError`
 * past the step limit or (checked every 4096 steps) past the deadline, so runaway queries such as `repeat(1)`,
 * `[range(1e12)]` or `def f: f; f` stop with a clear error.
 */
import { JqLimitError } from "./errors";

export class Budget {
  steps = 0;
  readonly deadline: number;
  depth = 0;
  constructor(
    readonly maxSteps: number,
    readonly maxMs: number,
  ) {
    this.deadline = Date.now() + maxMs;
  }
  tick(): void {
    if (++this.steps > this.maxSteps) throw new JqLimitError(`query exceeded ${this.maxSteps} evaluation steps`);
    if ((this.steps & 4095) === 0 && Date.now() > this.deadline)
      throw new JqLimitError(`query exceeded ${this.maxMs} ms`);
  }
}
