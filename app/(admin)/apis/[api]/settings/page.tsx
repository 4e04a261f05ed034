import type { Metadata } from 'next';
import Link from 'next/link';
import { ApiForm } from '@/components/content/api-form';
import { WebhookSettings } from '@/components/webhooks/webhook-settings';
import { notFound } from 'next/navigation';
import { requireAdminPage } from '@/lib/auth/session';
import { fieldsOf, findApi } from '@/lib/content/get-api';
import { orNotFound } from '@/lib/http/or-not-found';
import { canManageApis } from '@/lib/permissions/content';
import { listWebhooks } from '@/lib/webhooks/list-webhooks';

export const metadata: Metadata = { title: 'API settings' };

export default async function ApiSettingsPage({ params }: { params: Promise<{ api: string }> }) {
  const actor = (await requireAdminPage(canManageApis)) ?? notFound();
  const { api: endpoint } = await params;
  const api = await orNotFound(async () => await findApi(endpoint));
  return (
    <main className="relative flex-1 overflow-auto bg-slate-50">
      <div className="mx-auto max-w-4xl px-6 py-8">
        <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
          <Link href="/apis" className="hover:text-slate-800">
            Content
          </Link>{' '}
          /{' '}
          <Link href={`/apis/${api.endpoint}`} className="hover:text-slate-800">
            {api.name}
          </Link>{' '}
          / Settings
        </nav>
        <h1 className="mb-6 mt-1 text-xl font-semibold">API settings</h1>
        <ApiForm
          mode="edit"
          initial={{ endpoint: api.endpoint, name: api.name, kind: api.kind, fields: fieldsOf(api) }}
        />
        <div className="mt-10">
          <WebhookSettings
            scope={{ kind: 'content', api: api.endpoint }}
            webhooks={await listWebhooks(actor, api.endpoint)}
          />
        </div>
      </div>
    </main>
  );
}
