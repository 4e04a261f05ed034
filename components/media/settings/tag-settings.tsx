'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useDeferredValue, useId, useState } from 'react';
import type { TagRow } from '@/lib/tags/list-tags';
import { DeleteTagDialog } from './delete-tag-dialog';
import { RenameTagDialog } from './rename-tag-dialog';

type Props = { tags: TagRow[]; initialSearch: string; canEdit: boolean; maxPerMedia: number; maxTotal: number };

/** Media settings → Tags: the service's tags with how many media use each; editors rename and delete them. */
export function TagSettings({ tags, initialSearch, canEdit, maxPerMedia, maxTotal }: Props) {
  const router = useRouter();
  const headingId = useId();
  const searchId = useId();
  const [search, setSearch] = useState(initialSearch);
  const [renaming, setRenaming] = useState<TagRow | null>(null);
  const [deleting, setDeleting] = useState<TagRow | null>(null);
  const [notice, setNotice] = useState('');
  const needle = useDeferredValue(search).trim().toLocaleLowerCase();
  const shown = needle ? tags.filter((t) => t.name.toLocaleLowerCase().includes(needle)) : tags;

  // The search lives in the URL (`?q=`) without a server round trip: the whole list is already here.
  function changeSearch(value: string) {
    setSearch(value);
    const url = new URL(window.location.href);
    if (value.trim()) url.searchParams.set('q', value);
    else url.searchParams.delete('q');
    window.history.replaceState(null, '', url);
  }

  function done(message: string) {
    setRenaming(null);
    setDeleting(null);
    setNotice(message);
    router.refresh();
  }

  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white">
      <div className="flex flex-wrap items-end justify-between gap-4 border-b border-slate-100 px-5 py-4">
        <div>
          <h2 id={headingId} className="text-base font-semibold">
            Tags
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            {`Up to ${maxPerMedia} tags per media and ${maxTotal} per ` + `service; a tag name has 1–50 characters.`}
          </p>
          <p className="text-sm text-slate-500" data-testid="tag-count">
            {`This service has ${tags.length} of at most ${maxTotal} tags.`}
            {!canEdit && ' You can view them; renaming and deleting need the Edit media permission.'}
          </p>
        </div>
        <div>
          <label htmlFor={searchId} className="sr-only">
            Search tags
          </label>
          <input
            id={searchId}
            type="search"
            value={search}
            onChange={(e) => changeSearch(e.target.value)}
            placeholder="Search tags"
            maxLength={50}
            autoComplete="off"
            className={
              'w-56 rounded-md border border-slate-300 px-3 py-1.5 text-sm ' +
              'focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200'
            }
          />
        </div>
      </div>
      <div aria-live="polite" className="text-sm text-emerald-700">
        {notice && <p className="border-b border-slate-100 px-5 py-2">{notice}</p>}
      </div>
      {shown.length === 0 ? (
        <p className="px-5 py-8 text-center text-sm text-slate-500">
          {tags.length === 0
            ? 'No tags yet. Tag media from the library and the tags appear here.'
            : `No tag contains “${search.trim()}”.`}
        </p>
      ) : (
        <table aria-labelledby={headingId} className="w-full text-left text-sm">
          <thead className="text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-5 py-2 font-medium">
                Name
              </th>
              <th scope="col" className="px-5 py-2 font-medium">
                Usage
              </th>
              {canEdit && (
                <th scope="col" className="px-5 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {shown.map((tag) => (
              <tr key={tag.id} className="border-t border-slate-100">
                <td className="px-5 py-2.5">
                  <Link
                    href={`/media?tag=${encodeURIComponent(tag.name)}`}
                    className="break-all font-medium text-indigo-700 hover:underline"
                  >
                    {tag.name}
                  </Link>
                </td>
                <td className="px-5 py-2.5 text-slate-600">{`Used by ${tag.uses} media`}</td>
                {canEdit && (
                  <td className="px-5 py-2.5">
                    <div className="flex justify-end gap-2">
                      <button
                        type="button"
                        aria-label={`Rename ${tag.name}`}
                        onClick={() => setRenaming(tag)}
                        className={
                          'rounded-md border border-slate-300 px-3 py-1 text-xs ' +
                          'font-medium text-slate-700 hover:bg-slate-50'
                        }
                      >
                        Rename
                      </button>
                      <button
                        type="button"
                        aria-label={`Delete ${tag.name}`}
                        onClick={() => setDeleting(tag)}
                        className={
                          'rounded-md border border-red-200 px-3 py-1 ' +
                          'text-xs font-medium text-red-700 hover:bg-red-50'
                        }
                      >
                        Delete
                      </button>
                    </div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {renaming && (
        <RenameTagDialog
          tag={renaming}
          onCancel={() => setRenaming(null)}
          onRenamed={(tag) => done(`Renamed “${renaming.name}” to “${tag.name}”.`)}
        />
      )}
      {deleting && (
        <DeleteTagDialog
          tag={deleting}
          onCancel={() => setDeleting(null)}
          onDeleted={() => done(`Deleted the tag “${deleting.name}”.`)}
        />
      )}
    </section>
  );
}
