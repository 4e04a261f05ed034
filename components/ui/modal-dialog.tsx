'use client';

import { useLayoutEffect, useRef } from 'react';
import { createPortal } from 'react-dom';

type Props = {
  labelledBy: string;
  onClose: () => void;
  initialFocus?: React.RefObject<HTMLElement | null>;
  /** `wide` for the picker, `narrow` for a confirmation. */
  size?: 'wide' | 'narrow';
  children: React.ReactNode;
};

/**
 * A native modal <dialog> (focus kept inside, the page behind inert), portalled to <body> so that its
 * inputs never belong to the content form it is opened from. Mount it to open, unmount it to close.
 */
export function ModalDialog({ labelledBy, onClose, initialFocus, size = 'wide', children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    initialFocus?.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      previous?.focus();
    };
  }, [initialFocus]);

  if (typeof document === 'undefined') return null;
  return createPortal(
    <dialog
      ref={ref}
      role="dialog"
      aria-modal="true"
      aria-labelledby={labelledBy}
      // Escape is handled here rather than by the browser so the parent's `open` state stays the truth.
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        onClose();
      }}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className={
        'm-auto overflow-hidden rounded-xl bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40 ' +
        (size === 'wide' ? 'w-[min(60rem,calc(100vw-2rem))]' : 'w-[min(28rem,calc(100vw-2rem))]')
      }
    >
      {children}
    </dialog>,
    document.body,
  );
}
