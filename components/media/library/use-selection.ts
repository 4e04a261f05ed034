'use client';

import { useCallback, useMemo, useState } from 'react';

/** What the selection remembers of an item it may no longer show: the bulk result names it. */
export type Chosen = { id: string; fileName: string };

export type Selection = {
  /** Every checked item, on this page or not, in the order they were checked. */
  ids: string[];
  /** Names of the checked items, for the bulk result's report. */
  names: Map<string, string>;
  /** How many checked items are on the page shown. */
  onPage: number;
  has: (id: string) => boolean;
  /** Checks or unchecks one item; with `range`, everything from the last clicked item to this one. */
  toggle: (id: string, checked: boolean, range: boolean) => void;
  /** Of the page shown: none, some or all of its items are checked. */
  all: 'none' | 'some' | 'all';
  /** Checks or unchecks every item of the page shown (the others stay as they are). */
  setAll: (checked: boolean) => void;
  drop: (ids: string[]) => void;
  clear: () => void;
};

type State = { chosen: Map<string, Chosen>; anchor: string | null };

/**
 * Checked items: client state, not URL state. The selection survives a new search, filter, sort or page (the
 * library stays mounted while its URL changes), so an editor can gather items from several searches and act on
 * them at once; "Clear selection" empties it, and items a bulk action deleted leave it.
 */
export function useSelection(items: Chosen[]): Selection {
  const [state, setState] = useState<State>({ chosen: new Map(), anchor: null });
  const pageIds = useMemo(() => items.map((m) => m.id), [items]);
  const onPage = pageIds.filter((id) => state.chosen.has(id)).length;

  const toggle = useCallback(
    (id: string, checked: boolean, range: boolean) =>
      setState((s) => {
        const from = range && s.anchor ? pageIds.indexOf(s.anchor) : -1;
        const to = pageIds.indexOf(id);
        const span = from >= 0 && to >= 0 ? items.slice(Math.min(from, to), Math.max(from, to) + 1) : [];
        const next = new Map(s.chosen);
        for (const one of span.length ? span : items.filter((m) => m.id === id)) {
          if (checked) next.set(one.id, { id: one.id, fileName: one.fileName });
          else next.delete(one.id);
        }
        return { chosen: next, anchor: id };
      }),
    [items, pageIds],
  );

  const ids = useMemo(() => [...state.chosen.keys()], [state.chosen]);
  const names = useMemo(() => new Map([...state.chosen.values()].map((c) => [c.id, c.fileName])), [state.chosen]);
  return {
    ids,
    names,
    onPage,
    has: (id) => state.chosen.has(id),
    toggle,
    all: onPage === 0 ? 'none' : onPage === pageIds.length ? 'all' : 'some',
    setAll: (checked) =>
      setState((s) => {
        const next = new Map(s.chosen);
        for (const m of items) {
          if (checked) next.set(m.id, { id: m.id, fileName: m.fileName });
          else next.delete(m.id);
        }
        return { chosen: next, anchor: null };
      }),
    drop: (gone) => setState((s) => ({ ...s, chosen: new Map([...s.chosen].filter(([id]) => !gone.includes(id))) })),
    clear: () => setState({ chosen: new Map(), anchor: null }),
  };
}
