/** The model a spell uses when it names none: the deterministic offline mock. Defined once; tiny on purpose so
 * the page's first-load code can import it without the mock provider. */
export const DEFAULT_MODEL = "mock/default";
