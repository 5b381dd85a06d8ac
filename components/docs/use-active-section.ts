"use client";
/**
 * Which of the given sections the reader is in: the first (in page order) that crosses a band near the top of
 * the viewport, just below the sticky bars. Kept when none crosses it (between two sections).
 */
import { useEffect, useState } from "react";

/** The band: from below the sticky header (and the phone's section bar) down to 40% of the viewport. */
const BAND = "-104px 0px -60% 0px";

export function useActiveSection(ids: readonly string[]): string | undefined {
  const [active, setActive] = useState<string>();
  useEffect(() => {
    const crossing = new Set<string>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          if (e.isIntersecting) crossing.add(e.target.id);
          else crossing.delete(e.target.id);
        }
        const first = ids.find((id) => crossing.has(id));
        if (first) setActive(first);
      },
      { rootMargin: BAND },
    );
    for (const id of ids) {
      const el = document.getElementById(id);
      if (el) observer.observe(el);
    }
    return () => observer.disconnect();
  }, [ids]);
  return active;
}
