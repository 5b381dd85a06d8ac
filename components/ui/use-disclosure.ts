"use client";
/**
 * A button that opens a panel beside it (the header's "⋯" menu, the model parameters popover): its open state,
 * the refs of the wrapper and the toggle, the panel's id, and a click outside the wrapper closing it.
 */
import { useEffect, useId, useRef, useState } from "react";

export function useDisclosure() {
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      if (!wrapper.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);
  return { open, setOpen, wrapper, toggle, panelId };
}
