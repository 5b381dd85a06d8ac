/**
 * Lua 5.4's hook constants (lua.h) and where `lua_Debug`'s fields sit as wasmoon compiles it for wasm32 (event,
 * name, namewhat, what, source, srclen, currentline, linedefined): what the debugger's and the profiler's hooks
 * read from the wasm heap.
 */
export const LUA_HOOKLINE = 2;
export const LUA_HOOKCOUNT = 3;
export const LUA_MASKLINE = 4;
export const LUA_MASKCOUNT = 8;
export const AR_NAME = 4;
export const AR_WHAT = 12;
export const AR_SOURCE = 16;
export const AR_CURRENTLINE = 24;
export const AR_LINEDEFINED = 28;
/** Bytes to allocate for one `lua_Debug` (its real size is smaller; the rest is slack). */
export const AR_SIZE = 256;
