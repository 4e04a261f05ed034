'use client';

import Link from 'next/link';
import { useLibraryHref } from '../use-library-href';

/** The panel's tags, each a link that filters the library by it, keeping the view, the sort and this panel open. */
export function TagLinks({ tags }: { tags: string[] }) {
  const href = useLibraryHref();
  if (tags.length === 0) return <span className="text-slate-500">None</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {tags.map((t) => (
        <Link
          key={t}
          href={href({ tag: t, page: null })}
          scroll={false}
          title={`Show media tagged ${t}`}
          className={
            'rounded-full bg-slate-100 px-2 py-0.5 text-xs ' +
            'text-slate-800 hover:bg-indigo-100 hover:text-indigo-900'
          }
        >
          {t}
        </Link>
      ))}
    </span>
  );
}
