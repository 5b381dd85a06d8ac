"use client";
/** Lua / JavaScript / Both: which language the docs show (remembered in this browser). */
import type { SpellLanguage } from "@/lib/core/dialect";
import { useEffect, useState } from "react";

export type DocsLanguage = SpellLanguage | "both";
const KEY = "llmspell.docs.language";
const CHOICES: { value: DocsLanguage; label: string }[] = [
  { value: "lua", label: "Lua" },
  { value: "javascript", label: "JavaScript" },
  { value: "both", label: "Both" },
];

export function LanguageToggle({ rootId }: { rootId: string }) {
  const [language, setLanguage] = useState<DocsLanguage>("both");

  useEffect(() => {
    let saved: string | null = null;
    try {
      saved = localStorage.getItem(KEY);
    } catch {
      // storage disabled: keep the default
    }
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the saved choice is known only on the client
    if (saved === "lua" || saved === "javascript" || saved === "both") setLanguage(saved);
  }, []);

  useEffect(() => {
    const root = document.getElementById(rootId);
    if (root) root.dataset.lang = language;
  }, [language, rootId]);

  const choose = (value: DocsLanguage) => {
    setLanguage(value);
    try {
      localStorage.setItem(KEY, value);
    } catch {
      // not remembered; still applied
    }
  };

  return (
    <div className="segmented" role="radiogroup" aria-label="Language of the examples">
      {CHOICES.map((c) => (
        <button
          key={c.value}
          type="button"
          role="radio"
          aria-checked={language === c.value}
          className="segmented-item"
          onClick={() => choose(c.value)}
        >
          {c.label}
        </button>
      ))}
    </div>
  );
}
