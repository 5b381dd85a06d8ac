"use client";
/** Light / dark / system theme, as a small radio group of icons. */
import { MonitorIcon, MoonIcon, SunIcon } from "@/components/ui/icons";
import type { ThemeChoice } from "@/lib/store/schemas";

const OPTIONS: { value: ThemeChoice; label: string; Icon: typeof SunIcon }[] = [
  { value: "light", label: "Light theme", Icon: SunIcon },
  { value: "dark", label: "Dark theme", Icon: MoonIcon },
  { value: "system", label: "System theme", Icon: MonitorIcon },
];

export function ThemeSwitch({ value, onChange }: { value: ThemeChoice; onChange(t: ThemeChoice): void }) {
  const index = OPTIONS.findIndex((o) => o.value === value);
  return (
    <div role="radiogroup" aria-label="Theme" className="segmented">
      {OPTIONS.map((o, i) => (
        <button
          key={o.value}
          type="button"
          role="radio"
          aria-checked={value === o.value}
          aria-label={o.label}
          title={o.label}
          tabIndex={value === o.value ? 0 : -1}
          onClick={() => onChange(o.value)}
          onKeyDown={(e) => {
            const d =
              e.key === "ArrowRight" || e.key === "ArrowDown"
                ? 1
                : e.key === "ArrowLeft" || e.key === "ArrowUp"
                  ? -1
                  : 0;
            if (!d) return;
            e.preventDefault();
            const next = OPTIONS[(index + d + OPTIONS.length) % OPTIONS.length];
            onChange(next.value);
            (
              e.currentTarget.parentElement?.children[(i + d + OPTIONS.length) % OPTIONS.length] as
                HTMLElement | undefined
            )?.focus();
          }}
          className="segmented-item px-2"
          data-theme-option={o.value}
        >
          <o.Icon />
        </button>
      ))}
    </div>
  );
}
