import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EnvStorage } from '@/components/storage/env-storage';
import { StorageForm } from '@/components/storage/storage-form';
import { StorageHoldings } from '@/components/storage/storage-holdings';
import { requireMemberPage } from '@/lib/auth/session';
import { storageSettings } from '@/lib/storage/storage-settings';

export const metadata: Metadata = { title: 'Storage · Media settings' };

// /media/settings/storage — where new uploads are stored (Administrators; anyone else gets a 404).
export default async function StorageSettingsPage() {
  const actor = await requireMemberPage();
  if (!(actor.type === 'member' && actor.isAdmin)) notFound();
  const view = storageSettings(actor);
  return (
    <main className="flex-1 overflow-auto bg-slate-50">
      <div className="mx-auto max-w-4xl space-y-6 px-6 py-8">
        <div>
          <nav aria-label="Breadcrumb">
            <ol className="flex items-center gap-1.5 text-sm text-slate-500">
              <li>
                <Link href="/media" className="hover:text-slate-900 hover:underline">
                  Media
                </Link>
              </li>
              <li aria-hidden="true">/</li>
              <li>
                <Link href="/media/settings" className="hover:text-slate-900 hover:underline">
                  Media settings
                </Link>
              </li>
              <li aria-hidden="true">/</li>
              <li aria-current="page" className="text-slate-700">
                Storage
              </li>
            </ol>
          </nav>
          <h1 className="mt-1 text-xl font-semibold">Storage</h1>
          <p className="mt-1 text-sm text-slate-600">
            Where new uploads are stored. Media keeps the storage it was uploaded to, so switching never moves or breaks existing files.
          </p>
        </div>
        {view.env ? <EnvStorage env={view.env} /> : <StorageForm uploadTo={view.uploadTo} initial={view.form} />}
        <StorageHoldings holdings={view.holdings} uploadTo={view.uploadTo} />
      </div>
    </main>
  );
}
