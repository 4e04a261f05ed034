import type { Metadata } from 'next';
import Link from 'next/link';
import { ApiForm } from '@/components/content/api-form';
import { notFound } from 'next/navigation';
import { requireAdminPage } from '@/lib/auth/session';
import { canManageApis } from '@/lib/permissions/content';

export const metadata: Metadata = { title: 'New API' };

export default async function NewApiPage() {
  if (!(await requireAdminPage(canManageApis))) notFound();
  return (
    <main className="relative flex-1 overflow-auto bg-slate-50">
      <div className="mx-auto max-w-4xl px-6 py-8">
        <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
          <Link href="/apis" className="hover:text-slate-800">
            Content
          </Link>{' '}
          / New API
        </nav>
        <h1 className="mb-6 mt-1 text-xl font-semibold">New API</h1>
        <ApiForm mode="create" />
      </div>
    </main>
  );
}
