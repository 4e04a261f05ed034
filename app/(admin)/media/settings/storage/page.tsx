import type { Metadata } from 'next';
import { Breadcrumb } from '@/components/layout/breadcrumb';
import { notFound } from 'next/navigation';
import { EnvStorage } from '@/components/storage/env-storage';
import { StorageForm } from '@/components/storage/storage-form';
import { StorageHoldings } from '@/components/storage/storage-holdings';
import { requireAdminPage } from '@/lib/auth/session';
import { canManageStorage } from '@/lib/permissions/settings';
import { getStorageSettings } from '@/lib/storage-settings/get-storage-settings';

export const metadata: Metadata = { title: 'Storage · Media settings' };

// /media/settings/storage — where new uploads are stored (Administrators; anyone else gets a 404).
export default async function StorageSettingsPage() {
  const actor = (await requireAdminPage(canManageStorage)) ?? notFound();
  const view = await getStorageSettings(actor);
  return (
    <main className="relative flex-1 overflow-auto bg-slate-50">
      <div className="mx-auto max-w-4xl space-y-6 px-6 py-8">
        <div>
          <Breadcrumb
            trail={[
              { href: '/media', label: 'Media' },
              { href: '/media/settings', label: 'Media settings' },
            ]}
            current="Storage"
          />
          <h1 className="mt-1 text-xl font-semibold">Storage</h1>
          <p className="mt-1 text-sm text-slate-600">
            Where new uploads are stored. Media keeps the storage it was uploaded to, so switching never moves or breaks
            existing files.
          </p>
        </div>
        {view.env ? <EnvStorage env={view.env} /> : <StorageForm uploadTo={view.uploadTo} initial={view.form} />}
        <StorageHoldings holdings={view.holdings} uploadTo={view.uploadTo} />
      </div>
    </main>
  );
}
