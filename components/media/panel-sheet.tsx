'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';

type Props = { itemId: string; closeHref: string; children: React.ReactNode };

/** The item's own link in the table or grid (the name, or the card), where focus goes back to. */
const itemLink = (id: string) => document.querySelector<HTMLElement>(`[data-media-id="${id}"] a[href]`);

/**
 * The detail panel as a side sheet: opening an item moves focus to its heading, Escape closes it (unless a dialog
 * inside took the key) and focus lands back on the item in the list. Beside the library from 768 px; full screen
 * below, where its close link reads Back.
 */
export function PanelSheet({ itemId, closeHref, children }: Props) {
  const router = useRouter();
  const sheet = useRef<HTMLElement>(null);

  useEffect(() => {
    sheet.current?.querySelector<HTMLElement>('[data-panel-heading]')?.focus({ preventScroll: true });
  }, [itemId]);

  // However the sheet closes (Escape, its close link, the item deleted), focus goes back to where the item was. For a
  // few frames: the list may settle after the sheet is gone; focus someone placed elsewhere is left alone.
  useEffect(
    () => () => {
      let frames = 30;
      const settle = () => {
        const active = document.activeElement;
        if (!active || active === document.body) itemLink(itemId)?.focus({ preventScroll: false });
        if (--frames > 0) requestAnimationFrame(settle);
      };
      requestAnimationFrame(settle);
    },
    [itemId],
  );

  return (
    <aside
      ref={sheet}
      aria-label="Media details"
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || e.defaultPrevented) return;
        e.preventDefault();
        router.push(closeHref, { scroll: false });
      }}
      className={
        'fixed inset-0 z-40 overflow-y-auto bg-white ' +
        'md:static md:z-auto md:w-96 md:shrink-0 md:border-l md:border-slate-200'
      }
    >
      {children}
    </aside>
  );
}
