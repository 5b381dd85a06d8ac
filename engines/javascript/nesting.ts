/**
 * How deeply a JavaScript source nests brackets, checked before QuickJS parses it. QuickJS's parser recurses
 * once per level, and in wasm that recursion runs on the host's own stack: a few thousand nested `(` or `[`
 * overflow it with an error no spell can catch, and the module is left broken. Past MAX_NESTING the spell is
 * refused with a `syntax` error that names the line instead. Hand-written because it must be cheap and never
 * recurse itself: one pass that skips strings, template text and comments (a bracket inside a regex literal
 * is counted, which can only make the count larger, never let a deeper source through).
 */

/** Bracket levels a spell may nest; real code stays far below, and the parser's stack holds well above. */
export const MAX_NESTING = 500;

/** Where the nesting first goes past `max`, or undefined when it never does. */
export function findTooDeepNesting(source: string, max = MAX_NESTING): { line: number; column: number } | undefined {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  // Each open template literal remembers the bracket depth its `${` opened at.
  const templates: number[] = [];
  let i = 0;
  const n = source.length;
  const skipString = (quote: string) => {
    i++;
    while (i < n && source[i] !== quote && source[i] !== "\n") i += source[i] === "\\" ? 2 : 1;
  };
  const skipTemplateText = () => {
    // From just after "`" or "}" of a substitution: text until the closing "`" or the next "${".
    while (i < n) {
      const c = source[i];
      if (c === "\\") i += 2;
      else if (c === "`") {
        templates.pop();
        return;
      } else if (c === "$" && source[i + 1] === "{") {
        i++;
        depth++;
        templates[templates.length - 1] = depth;
        return;
      } else {
        if (c === "\n") {
          line++;
          lineStart = i + 1;
        }
        i++;
      }
    }
  };
  for (; i < n; i++) {
    const c = source[i];
    if (c === "\n") {
      line++;
      lineStart = i + 1;
    } else if (c === "'" || c === '"') skipString(c);
    else if (c === "/" && source[i + 1] === "/") {
      while (i < n && source[i] !== "\n") i++;
      i--;
    } else if (c === "/" && source[i + 1] === "*") {
      const end = source.indexOf("*/", i + 2);
      const stop = end === -1 ? n : end + 1;
      for (let j = i; j < stop; j++)
        if (source[j] === "\n") {
          line++;
          lineStart = j + 1;
        }
      i = stop;
    } else if (c === "`") {
      templates.push(-1);
      i++;
      skipTemplateText();
    } else if (c === "(" || c === "[" || c === "{") {
      if (++depth > max) return { line, column: i - lineStart + 1 };
    } else if (c === ")" || c === "]" || c === "}") {
      if (c === "}" && templates.length > 0 && templates[templates.length - 1] === depth) {
        depth--;
        i++;
        skipTemplateText();
      } else if (depth > 0) depth--;
    }
  }
  return undefined;
}
