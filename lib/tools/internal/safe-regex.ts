/**
 * JavaScript regular expressions backtrack, so a pattern from a spell or a model (`(a+)+$`) could hang the
 * run; rs-llmspell's Rust `regex` cannot. We refuse the shapes that backtrack catastrophically (a quantified
 * group that itself contains a quantifier, and backreferences) and cap pattern and subject sizes.
 */
export const REGEX_LIMITS = { maxPatternLength: 1000, maxSubjectLength: 100_000 } as const;

const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*(?:[+*]|\{\d+,?\d*\})(?:[^()\\]|\\.)*\)\s*(?:[+*]|\{\d+,?\d*\})/;
const BACKREFERENCE = /\\[1-9]|\\k</;

/** Compile a user pattern or return the reason it is refused. */
export function compileSafeRegex(pattern: string, flags = "u"): RegExp | string {
  if (pattern.length > REGEX_LIMITS.maxPatternLength)
    return `pattern is longer than ${REGEX_LIMITS.maxPatternLength} characters`;
  if (NESTED_QUANTIFIER.test(pattern))
    return "pattern has a nested quantifier (like (a+)+), which can take exponential time";
  if (BACKREFERENCE.test(pattern)) return "pattern uses a backreference, which is not supported";
  try {
    return new RegExp(pattern, flags);
  } catch (e) {
    return (e as Error).message;
  }
}
