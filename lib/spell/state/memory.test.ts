import { describe } from "vitest";
import { createMemoryStateStore } from "./memory";
import { runStateStoreContract } from "./store-contract";

describe("memory state store", () => runStateStoreContract(() => createMemoryStateStore()));
