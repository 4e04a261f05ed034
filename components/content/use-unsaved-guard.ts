'use client';

import { useEffect } from 'react';

const LEAVE = 'Leave this page? Your changes are not saved.';

/**
 * While `dirty`, leaving the page asks first: closing or reloading the tab (`beforeunload`, the browser's own
 * question) and following a link of Kura's (a question before the in-app navigation starts).
 */
export function useUnsavedGuard(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = ''; // older Chromium asks only with a return value
    };
    // Capture phase, before Next's <Link> handler: a prevented click neither navigates nor loads a page.
    const click = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = e.target instanceof Element ? e.target.closest('a[href]') : null;
      if (!(link instanceof HTMLAnchorElement) || link.target === '_blank' || link.hasAttribute('download')) return;
      if (link.closest('[contenteditable="true"]')) return; // a link inside the rich editor's text
      const to = new URL(link.href, window.location.href);
      if (to.origin !== window.location.origin) return; // another site: beforeunload asks
      if (to.pathname === window.location.pathname && to.search === window.location.search) return; // an anchor
      if (window.confirm(LEAVE)) return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('click', click, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', click, true);
    };
  }, [dirty]);
}
