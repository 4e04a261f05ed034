import type { Metadata } from 'next';
import { AdminOnly } from '@/components/settings/admin-only';
import { ApiKeysScreen } from '@/components/settings/api-keys-screen';
import { listApiKeys } from '@/lib/api-keys/list-api-keys';
import { requireAdminPage } from '@/lib/auth/session';
import { listApis } from '@/lib/content/get-api';
import { isAdmin } from '@/lib/permissions/admin';

export const metadata: Metadata = { title: 'API keys' };

export default async function ApiKeysPage() {
  const actor = await requireAdminPage(isAdmin);
  if (!actor) return <AdminOnly what="manage API keys" />;
  const apis = (await listApis(actor)).map(({ id, name, endpoint }) => ({ id, name, endpoint }));
  return <ApiKeysScreen apiKeys={await listApiKeys(actor)} apis={apis} />;
}
