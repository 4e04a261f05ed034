import 'server-only';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { mediaTags, members, tags, type Media } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordActivity, type ActivityEntry } from '@/lib/activity/record-activity';
import type { ImageEdit } from '@/lib/image-api/stored-edit';
import { editFacts } from '@/lib/media/image-edit';
import { noteMediaChanged } from '@/lib/media/find-deliverable';
import { deliveryUrl } from '@/lib/media/urls';
import { serviceId } from '@/lib/service/service-id';
import { enqueueEvent } from './outbox';

/**
 * A media item as media webhooks report it (SPEC §5): alt omitted when empty, sizes null for files; an image's
 * stored edit (focal point, crop, rotate, flip) as records show it, each only when set.
 */
export type MediaEventItem = {
  url: string;
  width: number | null;
  height: number | null;
  alt?: string;
} & Partial<ImageEdit>;

export const mediaEventItem = (m: Media): MediaEventItem => ({
  url: deliveryUrl(m),
  width: m.width,
  height: m.height,
  ...(m.alt ? { alt: m.alt } : {}),
  ...editFacts(m),
});

/** The names of a media item's tags, sorted (read inside the transaction, before or after a change). */
export const tagNamesOf = async (tx: Tx, mediaId: string): Promise<string[]> =>
  (
    await tx
      .select({ name: tags.name })
      .from(mediaTags)
      .innerJoin(tags, eq(tags.id, mediaTags.tagId))
      .where(eq(mediaTags.mediaId, mediaId))
  )
    .map((t) => t.name)
    .sort();

export type MediaChange = {
  before: Media | null;
  after: Media | null;
  /** Tag names before and after, when the change may have touched tags. */
  tags?: { before: string[]; after: string[] };
  /** A row that comes back from Trash (recorded as a restore; its webhook is `new`, as an upload's). */
  restored?: boolean;
};

/**
 * Records one media change inside its transaction: the audit entries (one per kind of change, with the
 * values before and after) and, when what a website sees changed, a media webhook event
 * (`new` / `edit` / `delete`). Called by every domain function that changes media.
 */
export async function recordMediaChange(tx: Tx, actor: Actor, change: MediaChange): Promise<void> {
  noteMediaChanged(); // delivery's cached rows, here and on every instance
  await recordActivity(tx, actor, await activityOf(tx, change));
  const { before, after } = change;
  const old = before && mediaEventItem(before);
  const next = after && mediaEventItem(after);
  if (JSON.stringify(old) === JSON.stringify(next)) return; // tags or creator only: nothing a site sees
  const type = !old ? 'new' : !next ? 'delete' : 'edit';
  await enqueueEvent(tx, { kind: 'media' }, type, { service: serviceId(), type, old, new: next });
}

async function activityOf(tx: Tx, { before, after, tags: tagChange, restored }: MediaChange): Promise<ActivityEntry[]> {
  const subject = (after ?? before)!;
  const entry = (
    operation: ActivityEntry['operation'],
    was: Record<string, unknown> | null,
    now: Record<string, unknown> | null,
  ): ActivityEntry => ({
    operation,
    mediaId: subject.id,
    target: subject.fileName,
    before: was,
    after: now,
  });
  if (!before) return [entry(restored ? 'restore' : 'upload', null, fileFacts(after!))];
  if (!after) return [entry('delete', fileFacts(before), null)];
  const entries: ActivityEntry[] = [];
  if (before.id !== after.id || before.sha256 !== after.sha256) {
    entries.push(entry('reupload', { ...fileFacts(before), alt: before.alt }, { ...fileFacts(after), alt: after.alt }));
  } else if (before.alt !== after.alt) {
    entries.push(entry('alt', { alt: before.alt }, { alt: after.alt }));
  }
  const [editBefore, editAfter] = [editFacts(before), editFacts(after)];
  if (before.sha256 === after.sha256 && JSON.stringify(editBefore) !== JSON.stringify(editAfter)) {
    entries.push(entry('image_edit', editBefore, editAfter));
  }
  if (before.id === after.id && before.fileName !== after.fileName) {
    entries.push(
      entry(
        'rename',
        { fileName: before.fileName, url: deliveryUrl(before) },
        { fileName: after.fileName, url: deliveryUrl(after) },
      ),
    );
  }
  if (before.creatorId !== after.creatorId) {
    entries.push(
      entry(
        'creator',
        { creator: await memberLabel(tx, before.creatorId) },
        { creator: await memberLabel(tx, after.creatorId) },
      ),
    );
  }
  if (tagChange && tagChange.before.join('\n') !== tagChange.after.join('\n')) {
    entries.push(entry('tags', { tags: tagChange.before }, { tags: tagChange.after }));
  }
  return entries;
}

const fileFacts = (m: Media) => ({
  fileName: m.fileName,
  url: deliveryUrl(m),
  mimeType: m.mimeType,
  size: m.size,
  width: m.width,
  height: m.height,
});

async function memberLabel(tx: Tx, id: string | null): Promise<{ id: string; name: string } | null> {
  if (!id) return null;
  const m = (
    await tx.select({ id: members.id, name: members.name }).from(members).where(eq(members.id, id)).limit(1)
  )[0];
  return m ?? { id, name: '(removed member)' };
}
