/**
 * Ajv (draft 2020-12) with formats. Imported only through `import("./internal/libs/ajv")` from support.ts, so the
 * heavy library loads on the first validation. Static imports here let the bundler do its own CommonJS interop:
 * a dynamic `import("ajv/dist/2020")` unwrapped by hand gave a non-constructor in the production browser bundle.
 */
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";

export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: false, strict: false, validateFormats: true });
  addFormats(ajv);
  return ajv;
}
