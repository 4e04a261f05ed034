import 'server-only';
import { sql } from 'drizzle-orm';
import { transaction } from '@/db';
import { members } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { hashPassword } from '@/lib/auth/password';
import { KuraError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { assertAdmin } from '@/lib/permissions/admin';
import { roleNamesOf, setRolesOf } from './member-roles';
import { addMemberInput } from './schemas';
import { recordActivity } from '@/lib/activity/record-activity';

/** Adds a member who logs in with this email and initial password and holds these roles (Administrators only). */
export async function addMember(actor: Actor, input: unknown): Promise<{ id: string; email: string }> {
  assertAdmin(actor, 'add members');
  const { email, name, password, roleIds } = addMemberInput.parse(input);
  const passwordHash = await hashPassword(password); // slow on purpose: before the transaction, never inside
  const id = newId();
  return await transaction(async (tx) => {
    // Emails are stored lowercased; lower() also catches a row written before that rule.
    if (
      (
        await tx
          .select({ id: members.id })
          .from(members)
          .where(sql`lower(${members.email}) = ${email}`)
          .limit(1)
      )[0]
    ) {
      throw new KuraError('conflict', `A member with the email ${email} already exists`);
    }
    await tx.insert(members).values({ id, email, name, passwordHash });
    await setRolesOf(tx, id, roleIds);
    await recordActivity(tx, actor, [
      {
        operation: 'member_added',
        mediaId: null,
        target: email,
        before: null,
        after: { name, roles: await roleNamesOf(tx, id) },
      },
    ]);
    return { id, email };
  });
}
