import { redirect } from 'next/navigation';
import { requireMemberPage } from '@/lib/auth/session';
import { isAdmin } from '@/lib/permissions/admin';

/** /settings: Administrators start at Members, everyone else at their Account. */
export default async function SettingsPage() {
  const actor = await requireMemberPage();
  redirect(isAdmin(actor) ? '/settings/members' : '/settings/account');
}
