import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db } from '@/db';
import { media, type Media } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { notFound } from '@/lib/errors';
import { assertCanGetMedia, readableMedia } from '@/lib/permissions/media';
import { presentMedia, type MediaRecord } from './present';

/** The media row if this actor may read it; out of scope is the same 404 as nonexistent. */
export async function getMediaRow(actor: Actor, id: string): Promise<Media> {
  assertCanGetMedia(actor);
  const row = (
    await db()
      .select()
      .from(media)
      .where(and(eq(media.id, id), readableMedia(actor)))
      .limit(1)
  )[0];
  if (!row) throw notFound('No such media');
  return row;
}

/** {@link getMediaRow} in its public shape. */
export const getMedia = async (actor: Actor, id: string): Promise<MediaRecord> =>
  (await presentMedia([await getMediaRow(actor, id)]))[0];
