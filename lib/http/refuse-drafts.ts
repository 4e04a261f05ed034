import { badRequest } from '@/lib/errors';

/** microCMS's `?status=draft` (or `closed`) on a write: Kura has no drafts, so it says so instead of publishing. */
export function refuseDrafts(url: string): void {
  const status = new URL(url).searchParams.get('status');
  if (status !== null && status !== 'published')
    throw badRequest(`status=${status.slice(0, 20)}: Kura has no drafts or closed content; every write is published`);
}
