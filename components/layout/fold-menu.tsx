'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';

type Props = {
  /** The button's text, e.g. "Menu". */
  label: string;
  /** Below 768 px the children hide behind the button; from 768 px they are laid out inline as usual. */
  children: React.ReactNode;
  /** Classes of the children's row from 768 px (the inline layout). */
  className?: string;
};

/**
 * What does not fit on a phone folds into a menu: below 768 px a button opens the children as a drop-down (closed
 * again by Escape, a click elsewhere or any navigation); from 768 px they are simply there.
 */
export function FoldMenu({ label, children, className = '' }: Props) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const pathname = usePathname();
  const params = useSearchParams();
  const where = `${pathname}?${params?.toString() ?? ''}`;
  const [shownAt, setShownAt] = useState(where);
  if (shownAt !== where) {
    // A link in the menu was followed: the menu has done its job (state adjusted during render, not in an effect).
    setShownAt(where);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  return (
    <div
      ref={root}
      className="relative"
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return;
        e.preventDefault();
        setOpen(false);
        root.current?.querySelector<HTMLButtonElement>('[data-fold-button]')?.focus();
      }}
    >
      <button
        type="button"
        data-fold-button
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        className={
          'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50 md:hidden'
        }
      >
        {label}
      </button>
      <div
        id={id}
        className={
          (open
            ? 'absolute right-0 z-30 mt-2 flex w-64 flex-col items-stretch gap-2 rounded-lg border border-slate-200 ' +
              'bg-white p-3 text-sm shadow-lg '
            : 'hidden ') + `md:static md:mt-0 md:flex md:w-auto md:border-0 md:p-0 md:shadow-none text-sm ${className}`
        }
      >
        {children}
      </div>
    </div>
  );
}
