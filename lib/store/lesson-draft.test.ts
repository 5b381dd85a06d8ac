import { describe, expect, it } from "vitest";
import { CHECK_KINDS, checkSchema } from "@/lib/lesson/checks";
import { parseLesson } from "@/lib/lesson/schema";
import { createLessonDraftStore, lessonFromSpell, LESSON_DRAFT_KEY, newCheck, startLessonDraft } from "./lesson-draft";
import { createFakeStorage } from "./test-storage";

const spell = { language: "lua" as const, source: 'print("hi")', model: "mock/echo", args: { a: 1 } };

describe("lesson drafts", () => {
  it("New lesson: the spell becomes step 1 (start and solution), a valid lesson", () => {
    const lesson = lessonFromSpell(spell);
    expect(parseLesson(lesson).ok).toBe(true);
    expect(lesson.steps[0]).toMatchObject({
      start: { lua: 'print("hi")' },
      solution: { lua: 'print("hi")' },
      model: "mock/echo",
      args: { a: 1 },
    });
  });

  it("adds, reorders, edits and removes steps; every change is saved and read back", () => {
    const storage = createFakeStorage();
    expect(startLessonDraft(storage, spell)).toBe(true);
    const store = createLessonDraftStore(storage, lessonFromSpell({ language: "lua", source: "" }));
    const s = () => store.getState();
    expect(s().lesson.steps[0].start.lua).toBe('print("hi")');
    s().addStep();
    expect(s().lesson.steps.map((x) => x.id)).toEqual(["step-1", "step-2"]);
    expect(s().selected).toBe(1);
    s().updateStep(1, { title: "Loops", prose: "Use **loops**." });
    expect(s().lesson.steps[1].id).toBe("loops"); // an id that followed the title keeps following it
    s().moveStep(1, -1);
    expect(s().lesson.steps.map((x) => x.id)).toEqual(["loops", "step-1"]);
    expect(s().selected).toBe(0);
    s().setSpell(0, "start", "lua", "-- todo");
    s().addCheck(0, "output-contains");
    s().updateCheck(0, 0, { kind: "output-contains", text: "3", message: "Print 3." });
    const again = createLessonDraftStore(storage, lessonFromSpell({ language: "lua", source: "" }));
    expect(again.getState().lesson).toEqual(s().lesson);
    s().removeCheck(0, 0);
    expect(s().lesson.steps[0].checks).toEqual([]);
    s().removeStep(0);
    expect(s().lesson.steps.map((x) => x.id)).toEqual(["step-1"]);
    s().removeStep(0); // the last step stays
    expect(s().lesson.steps).toHaveLength(1);
  });

  it("keeps a draft that is not valid yet (an empty title) across a reload", () => {
    const storage = createFakeStorage();
    startLessonDraft(storage, spell);
    const store = createLessonDraftStore(storage, lessonFromSpell(spell));
    store.getState().setTitle("");
    const again = createLessonDraftStore(storage, lessonFromSpell({ language: "lua", source: "fallback" }));
    expect(again.getState().lesson.title).toBe("");
    expect(parseLesson(again.getState().lesson).ok).toBe(false);
    storage.data.set(LESSON_DRAFT_KEY, "{broken");
    const fresh = createLessonDraftStore(storage, lessonFromSpell({ language: "lua", source: "fallback" }));
    expect(fresh.getState().lesson.steps[0].start.lua).toBe("fallback");
  });

  it("adding a language gives every step an empty spell in it; removing one drops its code", () => {
    const store = createLessonDraftStore(null, lessonFromSpell(spell));
    store.getState().setLanguages(["lua", "javascript"]);
    expect(store.getState().lesson.steps[0].start).toEqual({ lua: 'print("hi")', javascript: "" });
    store.getState().setLanguages(["javascript"]);
    expect(store.getState().lesson.steps[0].start).toEqual({ javascript: "" });
    expect(parseLesson(store.getState().lesson).ok).toBe(true);
  });

  it("a new check of every kind is valid", () => {
    for (const kind of CHECK_KINDS) expect(checkSchema.safeParse(newCheck(kind)).success, kind).toBe(true);
  });
});
