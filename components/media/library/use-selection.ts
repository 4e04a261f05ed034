'use client';

import { useCallback, useMemo, useState } from 'react';

export type Selection = {
  ids: string[];
  has: (id: string) => boolean;
  /** Checks or unchecks one item; with `range`, everything from the last clicked item to this one. */
  toggle: (id: string, checked: boolean, range: boolean) => void;
  all: 'none' | 'some' | 'all';
  setAll: (checked: boolean) => void;
  drop: (ids: string[]) => void;
  clear: () => void;
};

type State = { list: string; ids: string[]; anchor: string | null };

/**
 * Checked items of the page on screen: client state, not URL state. It belongs to one list (`list`
 * names it, e.g. the query string without the open item), so a new search, filter or page starts empty,
 * and items that leave the list (deleted) leave the selection.
 */
export function useSelection(itemIds: string[], list: string): Selection {
  const [state, setState] = useState<State>({ list, ids: [], anchor: null });
  const current = state.list === list ? state : { list, ids: [], anchor: null };
  const onPage = useMemo(() => new Set(itemIds), [itemIds]);
  const ids = useMemo(() => current.ids.filter((id) => onPage.has(id)), [current.ids, onPage]);
  const chosen = useMemo(() => new Set(ids), [ids]);

  const update = useCallback(
    (change: (s: State) => State) => setState((s) => change(s.list === list ? s : { list, ids: [], anchor: null })),
    [list],
  );

  const toggle = useCallback(
    (id: string, checked: boolean, range: boolean) =>
      update((s) => {
        const from = range && s.anchor ? itemIds.indexOf(s.anchor) : -1;
        const to = itemIds.indexOf(id);
        const span = from >= 0 && to >= 0 ? itemIds.slice(Math.min(from, to), Math.max(from, to) + 1) : [id];
        const next = new Set(s.ids);
        for (const one of span) {
          if (checked) next.add(one);
          else next.delete(one);
        }
        return { list: s.list, ids: [...next], anchor: id };
      }),
    [itemIds, update],
  );

  return {
    ids,
    has: (id) => chosen.has(id),
    toggle,
    all: ids.length === 0 ? 'none' : ids.length === itemIds.length ? 'all' : 'some',
    setAll: (checked) => update((s) => ({ list: s.list, ids: checked ? [...itemIds] : [], anchor: null })),
    drop: (gone) => update((s) => ({ ...s, ids: s.ids.filter((id) => !gone.includes(id)) })),
    clear: () => update((s) => ({ list: s.list, ids: [], anchor: null })),
  };
}
