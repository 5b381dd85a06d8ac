import { describe, expect, it } from "vitest";
import { SHORTCUTS, displayKeys, matchShortcut, type KeyLike } from "./shortcuts";

const key = (k: Partial<KeyLike> & { key: string }): KeyLike => ({
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...k,
});

describe("shortcuts", () => {
  it("maps Ctrl on Linux/Windows and Cmd on a Mac", () => {
    expect(matchShortcut(key({ key: "Enter", ctrlKey: true }), { isMac: false, running: false })).toBe("run");
    expect(matchShortcut(key({ key: "Enter", metaKey: true }), { isMac: false, running: false })).toBeNull();
    expect(matchShortcut(key({ key: "Enter", metaKey: true }), { isMac: true, running: false })).toBe("run");
    expect(matchShortcut(key({ key: "s", ctrlKey: true }), { isMac: false, running: false })).toBe("share");
    expect(matchShortcut(key({ key: "k", metaKey: true }), { isMac: true, running: false })).toBe("clear");
  });

  it("stops on Esc only while running", () => {
    expect(matchShortcut(key({ key: "Escape" }), { isMac: false, running: true })).toBe("stop");
    expect(matchShortcut(key({ key: "Escape" }), { isMac: false, running: false })).toBeNull();
  });

  it("opens help with ? outside text fields only", () => {
    expect(matchShortcut(key({ key: "?", shiftKey: true }), { isMac: false, running: false })).toBe("help");
    expect(
      matchShortcut(key({ key: "?", shiftKey: true, inEditable: true }), { isMac: false, running: false }),
    ).toBeNull();
  });

  it("ignores plain keys and alt combinations", () => {
    expect(matchShortcut(key({ key: "Enter" }), { isMac: false, running: false })).toBeNull();
    expect(matchShortcut(key({ key: "s", ctrlKey: true, altKey: true }), { isMac: false, running: false })).toBeNull();
  });

  it("lists every action once, with display keys", () => {
    expect(new Set(SHORTCUTS.map((s) => s.action)).size).toBe(SHORTCUTS.length);
    expect(displayKeys("Mod+Enter", true)).toBe("⌘+Enter");
    expect(displayKeys("Mod+Enter", false)).toBe("Ctrl+Enter");
  });
});
