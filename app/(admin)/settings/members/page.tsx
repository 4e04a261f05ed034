import type { Metadata } from 'next';
import { AdminOnly } from '@/components/settings/admin-only';
import { InvitesSection } from '@/components/settings/invites-section';
import { MembersScreen } from '@/components/settings/members-screen';
import { requireAdminPage } from '@/lib/auth/session';
import { listInvites } from '@/lib/invites/list-invites';
import { listMembers } from '@/lib/members/list-members';
import { PASSWORD_MIN_LENGTH } from '@/lib/members/schemas';
import { isAdmin } from '@/lib/permissions/admin';
import { listRoles } from '@/lib/roles/list-roles';

export const metadata: Metadata = { title: 'Members' };

export default async function MembersPage() {
  const actor = await requireAdminPage(isAdmin);
  if (!actor) return <AdminOnly what="manage members" />;
  const roles = (await listRoles(actor)).map(({ id, name }) => ({ id, name }));
  return (
    <div className="space-y-6">
      <MembersScreen
        members={await listMembers(actor)}
        roles={roles}
        youId={actor.id}
        passwordMin={PASSWORD_MIN_LENGTH}
      />
      <InvitesSection invites={await listInvites(actor)} roles={roles} />
    </div>
  );
}
