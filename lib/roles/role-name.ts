import 'server-only';
import { and, ne, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { roles } from '@/db/schema';
import { KuraError } from '@/lib/errors';

/** Refuses a role name another role already has, ignoring case (run inside the writing transaction). */
export async function assertRoleNameFree(tx: Tx, name: string, exceptId?: string): Promise<void> {
  const taken = (
    await tx
      .select({ name: roles.name })
      .from(roles)
      .where(and(sql`lower(${roles.name}) = lower(${name})`, exceptId ? ne(roles.id, exceptId) : undefined))
      .limit(1)
  )[0];
  if (taken) throw new KuraError('conflict', `A role named "${taken.name}" already exists`);
}
