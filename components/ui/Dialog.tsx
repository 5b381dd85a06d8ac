"use client";
/** A modal dialog on the native <dialog> element: focus trap, Esc to close and a labelled title for free. */
import { useEffect, useId, useRef, type ReactNode } from "react";
import { CloseIcon } from "./icons";

export interface DialogProps {
  open: boolean;
  onClose(): void;
  title: string;
  children: ReactNode;
  /** Tailwind max-width class. */
  width?: string;
}

export function Dialog({ open, onClose, title, children, width = "max-w-lg" }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // Before the effect that opens the dialog moves focus into it.
  useReturnFocus();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        if (e.target === ref.current) onClose();
      }}
      className={`m-auto w-[calc(100%-2rem)] ${width} rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-2xl backdrop:bg-zinc-950/40 backdrop:backdrop-blur-sm dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100`}
    >
      {open && (
        <div className="flex max-h-[85vh] flex-col">
          <header className="flex items-center justify-between border-b border-zinc-200 px-5 py-3 dark:border-zinc-800">
            <h2 id={titleId} className="text-base font-semibold">
              {title}
            </h2>
            <button type="button" onClick={onClose} className="icon-btn" aria-label="Close">
              <CloseIcon />
            </button>
          </header>
          <div className="overflow-auto px-5 py-4">{children}</div>
        </div>
      )}
    </dialog>
  );
}

/**
 * Gives focus back to what had it when the dialog mounted (the button that opened it), once the dialog is
 * gone: a dialog unmounted while open is not closed, so the browser would leave focus on the page body.
 */
export function useReturnFocus(): void {
  useEffect(() => {
    const previous = document.activeElement;
    return () => {
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
    };
  }, []);
}
