// Stands in for Node built-ins (such as `module`) that browser bundles import but never call.
const empty = {};
export default empty;
export const createRequire = undefined;
