"use client";
/**
 * Lua / JavaScript segmented switch (a radio group: arrow keys move between the two). On a phone "JavaScript"
 * shows as "JS"; its accessible name stays "JavaScript".
 */
import type { SpellLanguage } from "@/lib/core/dialect";

const OPTIONS: { value: SpellLanguage; label: string; short?: string }[] = [
  { value: "lua", label: "Lua" },
  { value: "javascript", label: "JavaScript", short: "JS" },
];

export function LanguageSwitch({ value, onChange }: { value: SpellLanguage; onChange(l: SpellLanguage): void }) {
  return (
    <div role="radiogroup" aria-label="Spell language" className="segmented">
      {OPTIONS.map((o) => (
        <button
          key={o.value}
          type="button"
          role="radio"
          aria-checked={value === o.value}
          tabIndex={value === o.value ? 0 : -1}
          onClick={() => onChange(o.value)}
          onKeyDown={(e) => {
            if (e.key === "ArrowLeft" || e.key === "ArrowRight" || e.key === "ArrowUp" || e.key === "ArrowDown") {
              e.preventDefault();
              const next = value === "lua" ? "javascript" : "lua";
              onChange(next);
              const sib =
                (e.currentTarget.parentElement?.querySelector(`[data-value="${next}"]`) as HTMLElement | null) ?? null;
              sib?.focus();
            }
          }}
          data-value={o.value}
          className="segmented-item"
        >
          {o.short ? (
            <>
              <span className="sm:hidden" aria-hidden="true">
                {o.short}
              </span>
              <span className="max-sm:sr-only">{o.label}</span>
            </>
          ) : (
            o.label
          )}
        </button>
      ))}
    </div>
  );
}
