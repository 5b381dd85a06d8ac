/**
 * The playground's UI store: what several components share but no spell or setting holds. Which dialog is open,
 * the notices shown (newest last, at most MAX_NOTICES, each gone after its time), and the editor line to reveal
 * (asked for by the error badge and the console, shown by the editor). Nothing here is persisted.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import type { StorageNotice } from "./storage";

type DialogName = "examples" | "settings" | "help" | "share" | "compare" | "share-compare";

export interface Notice {
  id: number;
  tone: "info" | "success" | "warn" | "error";
  text: string;
}

/** A line the editor should scroll to and put the cursor on; `nonce` makes asking twice for one line work. */
interface FocusLine {
  line: number;
  nonce: number;
}

/** Notices shown at once; an older one goes when a new one comes. */
export const MAX_NOTICES = 4;
/** How long a notice stays when the caller gives no time. */
export const DEFAULT_NOTICE_MS = 5000;

interface UiState {
  dialog: DialogName | null;
  notices: Notice[];
  focusLine: FocusLine | null;
  openDialog(name: DialogName): void;
  closeDialog(): void;
  /** Show a notice for `ttlMs` (0: until dismissed). A notice with the same text is replaced, not repeated. */
  notify(tone: Notice["tone"], text: string, ttlMs?: number): void;
  dismissNotice(id: number): void;
  revealLine(line: number): void;
}

export type UiStore = StoreApi<UiState>;

export interface UiStoreOptions {
  /** Runs `fn` after `ms` (tests pass a fake clock). Default: setTimeout. */
  setTimer?: (fn: () => void, ms: number) => void;
}

export function createUiStore(options: UiStoreOptions = {}): UiStore {
  const setTimer = options.setTimer ?? ((fn, ms) => void setTimeout(fn, ms));
  let lastId = 0;
  return createStore<UiState>()((set, get) => ({
    dialog: null,
    notices: [],
    focusLine: null,
    openDialog(name) {
      set({ dialog: name });
    },
    closeDialog() {
      set({ dialog: null });
    },
    notify(tone, text, ttlMs = DEFAULT_NOTICE_MS) {
      const id = ++lastId;
      set({ notices: [...get().notices.filter((n) => n.text !== text), { id, tone, text }].slice(-MAX_NOTICES) });
      if (ttlMs > 0) setTimer(() => get().dismissNotice(id), ttlMs);
    },
    dismissNotice(id) {
      if (!get().notices.some((n) => n.id === id)) return;
      set({ notices: get().notices.filter((n) => n.id !== id) });
    },
    revealLine(line) {
      set({ focusLine: { line, nonce: (get().focusLine?.nonce ?? 0) + 1 } });
    },
  }));
}

/** How long a "your saved data was damaged and reset" warning stays. */
const CORRUPT_NOTICE_MS = 8000;

/**
 * A storage problem as a notice: damaged data (already reset) is a warning that goes after a while; storage
 * that is full or unavailable is an error that stays until dismissed, since nothing is being saved.
 */
export function showStorageNotice(ui: UiStore, notice: Pick<StorageNotice, "problem" | "message">): void {
  const corrupt = notice.problem === "corrupt";
  ui.getState().notify(corrupt ? "warn" : "error", notice.message, corrupt ? CORRUPT_NOTICE_MS : 0);
}
