import 'server-only';
import { transaction } from '@/db';
import { roles, settings } from '@/db/schema';
import { newId } from '@/lib/ids';

/**
 * The roles a new team starts with beside the Administrator, so the first member can be invited at once. Ordinary
 * roles: an Administrator edits, renames or deletes them like any other.
 */
export const STARTER_ROLES = [
  { name: 'Editor', mediaRead: 'all', mediaUpload: true, mediaEdit: true, mediaDelete: false },
  { name: 'Contributor', mediaRead: 'own', mediaUpload: true, mediaEdit: true, mediaDelete: false },
  { name: 'Viewer', mediaRead: 'all', mediaUpload: false, mediaEdit: false, mediaDelete: false },
] as const;

/** Marks that the starter roles were made once: a role deleted afterwards never comes back at a later start. */
const KEY = 'starter_roles';

/**
 * Creates the starter roles once per service, at its first start with this version (new services and existing
 * ones alike). A role of the same name made by someone is kept as it is.
 */
export async function ensureStarterRoles(): Promise<void> {
  await transaction(async (tx) => {
    const first = await tx.insert(settings).values({ key: KEY, value: '1' }).onConflictDoNothing().returning();
    if (first.length === 0) return;
    await tx
      .insert(roles)
      .values(STARTER_ROLES.map((r) => ({ id: newId(), ...r })))
      .onConflictDoNothing();
  });
}
