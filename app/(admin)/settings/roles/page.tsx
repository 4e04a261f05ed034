import type { Metadata } from 'next';
import { AdminOnly } from '@/components/settings/admin-only';
import { RolesScreen } from '@/components/settings/roles-screen';
import { requireAdminPage } from '@/lib/auth/session';
import { listApis } from '@/lib/content/get-api';
import { isAdmin } from '@/lib/permissions/admin';
import { listRoles } from '@/lib/roles/list-roles';

export const metadata: Metadata = { title: 'Roles' };

export default async function RolesPage() {
  const actor = await requireAdminPage(isAdmin);
  if (!actor) return <AdminOnly what="manage roles" />;
  const apis = (await listApis(actor)).map(({ id, name, endpoint }) => ({ id, name, endpoint }));
  return <RolesScreen roles={await listRoles(actor)} apis={apis} />;
}
