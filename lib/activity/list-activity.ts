import 'server-only';
import { and, count, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db';
import { AUDIT_ACTOR_TYPES, AUDIT_OPERATIONS, MEDIA_OPERATIONS, SECURITY_OPERATIONS } from '@/db/enums';
import { auditLog, media } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCanReadActivity } from '@/lib/permissions/settings';

export const ACTIVITY_PAGE = 50;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const ACTIVITY_CATEGORIES = { media: MEDIA_OPERATIONS, security: SECURITY_OPERATIONS } as const;
export type ActivityCategory = keyof typeof ACTIVITY_CATEGORIES;

/** The Activity screen's filters, as they appear in its URL (`?category=&actor=&operation=&from=&to=&page=`). */
export const activityQuery = z.object({
  category: z.enum(['media', 'security']).optional().catch(undefined),
  actor: z.string().max(254).optional().catch(undefined),
  operation: z.enum(AUDIT_OPERATIONS).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type ActivityQuery = z.infer<typeof activityQuery>;

export type ActivityRow = {
  id: number;
  at: string;
  actor: { type: (typeof AUDIT_ACTOR_TYPES)[number]; id: string; name: string };
  operation: (typeof AUDIT_OPERATIONS)[number];
  mediaId: string | null;
  /** Whether that media is still there (renamed perhaps), so the screen can link to it. */
  mediaExists: boolean;
  target: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/**
 * One page of the activity log, newest first, filtered by kind (media work or security: logins,
 * sessions, members, roles, keys, webhooks, storage), who, what and when (`from`/`to` are whole
 * UTC days, both included), with the total and the people and keys that appear in the log.
 */
export async function listActivity(actor: Actor, input: unknown) {
  assertCanReadActivity(actor);
  const q = activityQuery.parse(input ?? {});
  const where = and(
    q.category ? inArray(auditLog.operation, [...ACTIVITY_CATEGORIES[q.category]]) : undefined,
    q.actor ? eq(auditLog.actorId, q.actor) : undefined,
    q.operation ? eq(auditLog.operation, q.operation) : undefined,
    q.from ? gte(auditLog.at, new Date(`${q.from}T00:00:00Z`)) : undefined,
    q.to ? lt(auditLog.at, new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000)) : undefined,
  );
  const rows = await db()
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(ACTIVITY_PAGE)
    .offset((q.page - 1) * ACTIVITY_PAGE);
  const [{ total }] = await db().select({ total: count() }).from(auditLog).where(where);
  const actors = await db()
    .select({ id: auditLog.actorId, type: auditLog.actorType, name: sql<string>`max(${auditLog.actorName})` })
    .from(auditLog)
    .groupBy(auditLog.actorId, auditLog.actorType)
    .orderBy(sql`max(${auditLog.actorName})`);
  const mediaIds = [...new Set(rows.flatMap((r) => (r.mediaId ? [r.mediaId] : [])))];
  const existing = new Set(
    mediaIds.length
      ? (await db().select({ id: media.id }).from(media).where(inArray(media.id, mediaIds))).map((m) => m.id)
      : [],
  );
  return {
    query: q,
    total,
    actors,
    entries: rows.map((r): ActivityRow => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: { type: r.actorType, id: r.actorId, name: r.actorName },
      operation: r.operation,
      mediaId: r.mediaId,
      mediaExists: r.mediaId !== null && existing.has(r.mediaId),
      target: r.target,
      before: r.before,
      after: r.after,
    })),
  };
}
