/**
 * Where short links live. Content-addressed (the id is derived from the spell, see `content-id.ts`), write-once,
 * and deliberately without a way to list what is stored.
 */
import type { SharedSpell } from "../shared-spell";

export interface ShareStore {
  readonly kind: "sqlite" | "postgres" | "memory";
  /**
   * Stores `spell` under `id`. Storing the same content again is a no-op (`created: false`). An id that already
   * holds different content (a hash collision) throws {@link ShareStoreError}.
   */
  put(id: string, spell: SharedSpell): Promise<{ created: boolean }>;
  /** The spell stored under `id`, or undefined. */
  get(id: string): Promise<SharedSpell | undefined>;
  close(): Promise<void>;
}

export class ShareStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ShareStoreError";
  }
}
