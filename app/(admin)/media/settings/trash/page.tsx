import type { Metadata } from 'next';
import { z } from 'zod';
import { Breadcrumb } from '@/components/layout/breadcrumb';
import { TrashList } from '@/components/media/settings/trash-list';
import { requireMemberPage } from '@/lib/auth/session';
import { config } from '@/lib/config';
import { formatBytes } from '@/lib/media/format-bytes';
import { hasMediaRight } from '@/lib/permissions/media';
import { listTrash } from '@/lib/trash/list-trash';

export const metadata: Metadata = { title: 'Trash' };

const PAGE_SIZE = 50;
const trashQuery = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

type PageProps = { searchParams: Promise<Record<string, string | string[]>> };

/** Media settings → Trash: deleted media, who deleted it and when, with Restore and Delete permanently. */
export default async function TrashPage({ searchParams }: PageProps) {
  const actor = await requireMemberPage();
  const { page } = trashQuery.parse(await searchParams);
  const allowed = hasMediaRight(actor, 'delete');
  const trash = allowed ? await listTrash(actor, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }) : null;
  return (
    <main className="relative flex-1 overflow-auto bg-slate-50">
      <div className="mx-auto max-w-5xl space-y-4 px-6 py-8">
        <div>
          <Breadcrumb
            trail={[
              { href: '/media', label: 'Media' },
              { href: '/media/settings', label: 'Media settings' },
            ]}
            current="Trash"
          />
          <div className="mt-1 flex items-baseline gap-3">
            <h1 className="text-xl font-semibold">Trash</h1>
            {trash && (
              <span className="text-sm text-slate-500">
                {`${trash.totalCount.toLocaleString('en-US')} item${trash.totalCount === 1 ? '' : 's'}, ` +
                  formatBytes(trash.totalBytes)}
              </span>
            )}
          </div>
          <p className="mt-1 text-sm text-slate-600">
            {`Deleted media waits here for ${config().KURA_TRASH_DAYS} days, then it is deleted for good. ` +
              'Its URL answers 404 meanwhile; Restore brings back the same URL.'}
          </p>
        </div>
        {trash ? (
          <TrashList items={trash.items} page={page} pages={Math.max(1, Math.ceil(trash.totalCount / PAGE_SIZE))} />
        ) : (
          <p className="rounded-lg border border-slate-200 bg-white px-5 py-4 text-sm text-slate-700">
            Only members who may delete media can see Trash.
          </p>
        )}
      </div>
    </main>
  );
}
