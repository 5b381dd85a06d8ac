/** The tour's first steps: printing, returning a value, arguments, tools and errors. */
import { tourStep } from "./step";

export const BASICS = [
  tourStep({
    id: "hello-world",
    title: "Hello, world",
    prose: `
A **spell** is a short script. It runs in your browser, in WebAssembly, and talks to models, tools and
workflows through a handful of globals.

\`print\` writes a line to the console below the editor.

**Your task:** print \`Hello, world!\`, then press **Run** (or Ctrl+Enter). The checks under the editor turn
green when the run does what the step asks.
`,
    lua: {
      start: `-- Print Hello, world! on the line below.\n`,
      solution: `print("Hello, world!")`,
    },
    javascript: {
      start: `// Print Hello, world! on the line below.\n`,
      solution: `print("Hello, world!");`,
    },
    checks: [
      {
        kind: "output-contains",
        text: "Hello, world!",
        message: "The console should show Hello, world!",
        hint: 'Call print("Hello, world!") — mind the comma and the exclamation mark.',
      },
    ],
  }),
  tourStep({
    id: "return-a-value",
    title: "Return a value",
    prose: `
Besides what it prints, a spell can hand back one **value**: a number, a string, a list or a table/object.
The playground shows it in the *Result* tab; a workflow or a test can read it.

In Lua the spell ends with \`return value\`; in JavaScript it ends with \`export default value\`.

**Your task:** return \`{ greeting = "hello", count = 3 }\` (Lua) or \`{ greeting: "hello", count: 3 }\`
(JavaScript).
`,
    lua: {
      start: `local greeting = "hello"\n\n-- Return a table with greeting and count = 3.\nreturn { greeting = greeting }`,
      solution: `local greeting = "hello"\n\nreturn { greeting = greeting, count = 3 }`,
    },
    javascript: {
      start: `const greeting = "hello";\n\n// Export an object with greeting and count: 3.\nexport default { greeting };`,
      solution: `const greeting = "hello";\n\nexport default { greeting, count: 3 };`,
    },
    checks: [
      {
        kind: "value-equals",
        value: { greeting: "hello", count: 3 },
        message: 'The spell should return { greeting: "hello", count: 3 }.',
        hint: "Add count = 3 (Lua) or count: 3 (JavaScript) next to greeting.",
      },
    ],
  }),
  tourStep({
    id: "arguments",
    title: "Arguments",
    prose: `
A spell can take **arguments**: the global \`ARGS\` holds them (in the CLI: \`llmspell run spell.lua --arg
name=Ada\`). This step runs with \`{ "name": "Ada" }\`.

**Your task:** greet whoever \`ARGS.name\` names, so that the console shows \`Hello, Ada!\`. Do not write
"Ada" in the spell: another run may pass another name.
`,
    args: { name: "Ada" },
    lua: {
      start: `local name = "world"\nprint("Hello, " .. name .. "!")`,
      solution: `local name = ARGS.name\nprint("Hello, " .. name .. "!")`,
    },
    javascript: {
      start: `const name = "world";\nprint("Hello, " + name + "!");`,
      solution: `const name = ARGS.name;\nprint("Hello, " + name + "!");`,
    },
    checks: [
      {
        kind: "output-contains",
        text: "Hello, Ada!",
        message: "The console should greet Ada.",
        hint: "Read the name from ARGS.name.",
      },
      { kind: "source-contains", text: "ARGS", message: "Read the name from ARGS." },
      { kind: "source-avoids", text: '"Ada"', message: "Do not write the name into the spell: read it from ARGS." },
    ],
  }),
  tourStep({
    id: "first-tool",
    title: "Your first tool",
    prose: `
**Tools** are functions a spell (or an agent) can call by name: a calculator, text tools, hashes, JSON and
more. \`Tool.execute(name, params)\` calls one and returns its result; the calculator puts its answer in
\`result.result\`.

**Your task:** compute \`6 * 7\` with the \`calculator\` tool (params \`{ input = "6 * 7" }\`) and print the
answer. The Trace tab shows the call.
`,
    lua: {
      start: `-- Ask the calculator instead of doing the sum yourself.\nprint(6 * 7)`,
      solution: `local answer = Tool.execute("calculator", { input = "6 * 7" })\nprint(answer.result.result)`,
    },
    javascript: {
      start: `// Ask the calculator instead of doing the sum yourself.\nprint(6 * 7);`,
      solution: `const answer = await Tool.execute("calculator", { input: "6 * 7" });\nprint(answer.result.result);`,
    },
    checks: [
      {
        kind: "tool-called",
        tool: "calculator",
        params: { input: "6 * 7" },
        message: 'Call the calculator tool with { input: "6 * 7" }.',
        hint: 'Tool.execute("calculator", { input = "6 * 7" }) in Lua; in JavaScript, await it.',
      },
      { kind: "output-contains", text: "42", message: "Print the calculator's answer, 42." },
    ],
  }),
  tourStep({
    id: "errors",
    title: "When a run fails",
    prose: `
Errors are values with a **kind** (\`not_found\`, \`validation\`, \`timeout\`, ...) and a message. An error
nobody catches ends the run, and the console shows both. That is what this step is about: make the run fail
on purpose.

**Your task:** call a tool that does not exist, \`teleporter\`, and do *not* catch the error (no \`pcall\` /
\`try\`). The run should fail with a \`not_found\` error.
`,
    lua: {
      start: `local ok, err = pcall(Tool.execute, "teleporter", {})\nprint("caught: " .. err.kind)`,
      solution: `Tool.execute("teleporter", {})\nprint("never printed")`,
    },
    javascript: {
      start: `try {\n  await Tool.execute("teleporter", {});\n} catch (err) {\n  print("caught: " + err.kind);\n}`,
      solution: `await Tool.execute("teleporter", {});\nprint("never printed");`,
    },
    checks: [
      {
        kind: "run-failed",
        errorKind: "not_found",
        message: "The run should fail with a not_found error.",
        hint: "Remove the pcall (Lua) or the try/catch (JavaScript) around Tool.execute.",
      },
    ],
  }),
];
