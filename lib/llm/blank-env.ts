/**
 * Imported before `@ai-sdk/openai`, which makes its default `openai` provider when it loads and throws there
 * ("baseURL must be a non-empty string") when `OPENAI_BASE_URL` is set but blank: a blank setting means "not
 * set", so it is removed from this process's environment first. Our own code reads its settings from the env
 * object it is given (./providers), which treats blank the same way.
 */
for (const name of ["OPENAI_BASE_URL"]) {
  if (typeof process !== "undefined" && process.env?.[name] !== undefined && process.env[name]!.trim() === "")
    delete process.env[name];
}
