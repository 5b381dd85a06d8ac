import { describe, expect, it } from "vitest";
import { DEFAULT_NOTICE_MS, MAX_NOTICES, createUiStore, showStorageNotice } from "./ui";

/** A clock the test advances by hand. */
function fakeTimers() {
  let now = 0;
  const due: { at: number; fn: () => void }[] = [];
  return {
    setTimer: (fn: () => void, ms: number) => void due.push({ at: now + ms, fn }),
    advance(ms: number) {
      now += ms;
      for (const t of due.filter((d) => d.at <= now)) {
        due.splice(due.indexOf(t), 1);
        t.fn();
      }
    },
    pending: () => due.length,
  };
}

describe("ui store", () => {
  it("opens one dialog at a time and closes it", () => {
    const ui = createUiStore();
    expect(ui.getState().dialog).toBeNull();
    ui.getState().openDialog("examples");
    ui.getState().openDialog("help");
    expect(ui.getState().dialog).toBe("help");
    ui.getState().closeDialog();
    expect(ui.getState().dialog).toBeNull();
  });

  it("shows a notice for its time, then removes it", () => {
    const clock = fakeTimers();
    const ui = createUiStore({ setTimer: clock.setTimer });
    ui.getState().notify("info", "short", 1000);
    ui.getState().notify("success", "default time");
    expect(ui.getState().notices.map((n) => [n.tone, n.text])).toEqual([
      ["info", "short"],
      ["success", "default time"],
    ]);
    clock.advance(1000);
    expect(ui.getState().notices.map((n) => n.text)).toEqual(["default time"]);
    clock.advance(DEFAULT_NOTICE_MS - 1001);
    expect(ui.getState().notices).toHaveLength(1);
    clock.advance(1);
    expect(ui.getState().notices).toEqual([]);
  });

  it("keeps a notice with no time until it is dismissed", () => {
    const clock = fakeTimers();
    const ui = createUiStore({ setTimer: clock.setTimer });
    ui.getState().notify("error", "sticky", 0);
    expect(clock.pending()).toBe(0);
    clock.advance(60_000);
    const [notice] = ui.getState().notices;
    expect(notice.text).toBe("sticky");
    ui.getState().dismissNotice(notice.id);
    expect(ui.getState().notices).toEqual([]);
  });

  it("replaces a notice with the same text instead of repeating it, and its old timer leaves the new one", () => {
    const clock = fakeTimers();
    const ui = createUiStore({ setTimer: clock.setTimer });
    ui.getState().notify("info", "copied", 1000);
    clock.advance(500);
    ui.getState().notify("success", "copied", 1000);
    expect(ui.getState().notices.map((n) => [n.tone, n.text])).toEqual([["success", "copied"]]);
    clock.advance(500);
    expect(ui.getState().notices).toHaveLength(1);
    clock.advance(500);
    expect(ui.getState().notices).toEqual([]);
  });

  it(`shows at most ${MAX_NOTICES} notices, dropping the oldest`, () => {
    const ui = createUiStore({ setTimer: () => undefined });
    for (let i = 1; i <= MAX_NOTICES + 2; i++) ui.getState().notify("info", `notice ${i}`);
    expect(ui.getState().notices.map((n) => n.text)).toEqual(
      Array.from({ length: MAX_NOTICES }, (_, i) => `notice ${i + 3}`),
    );
    expect(new Set(ui.getState().notices.map((n) => n.id)).size).toBe(MAX_NOTICES);
  });

  it("asks the editor for a line with a new nonce each time, so asking twice for one line works", () => {
    const ui = createUiStore();
    ui.getState().revealLine(3);
    const first = ui.getState().focusLine;
    ui.getState().revealLine(3);
    const second = ui.getState().focusLine;
    expect(first).toMatchObject({ line: 3 });
    expect(second).toMatchObject({ line: 3 });
    expect(second).not.toBe(first);
    expect(second!.nonce).not.toBe(first!.nonce);
  });

  it("shows damaged storage as a warning that goes, and full or missing storage as an error that stays", () => {
    const clock = fakeTimers();
    const ui = createUiStore({ setTimer: clock.setTimer });
    showStorageNotice(ui, { problem: "corrupt", message: "Saved settings were damaged and reset." });
    showStorageNotice(ui, { problem: "full", message: "Storage is full." });
    showStorageNotice(ui, { problem: "unavailable", message: "Storage is off." });
    expect(ui.getState().notices.map((n) => n.tone)).toEqual(["warn", "error", "error"]);
    clock.advance(DEFAULT_NOTICE_MS);
    expect(ui.getState().notices).toHaveLength(3);
    clock.advance(60_000);
    expect(ui.getState().notices.map((n) => n.text)).toEqual(["Storage is full.", "Storage is off."]);
  });
});
