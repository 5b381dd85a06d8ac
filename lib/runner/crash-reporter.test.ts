import { describe, expect, it } from "vitest";
import { createCrashReporter } from "./crash-reporter";

describe("createCrashReporter", () => {
  it("reports the first crash to every listener, once", () => {
    const r = createCrashReporter();
    const seen: string[] = [];
    r.onCrash((why) => seen.push(`a:${why}`));
    r.onCrash((why) => seen.push(`b:${why}`));
    r.crash("exit 1");
    r.crash("error after exit");
    expect(seen).toEqual(["a:exit 1", "b:exit 1"]);
  });

  it("reports nothing after the worker was terminated on purpose", () => {
    const r = createCrashReporter();
    const seen: string[] = [];
    r.onCrash((why) => seen.push(why));
    r.markTerminated();
    r.crash("the worker exited with code 1");
    expect(seen).toEqual([]);
  });
});
