import Link from 'next/link';
import { ContentForm } from '@/components/content/content-form';
import { requireMemberPage } from '@/lib/auth/session';
import { config } from '@/lib/config';
import { contentForEditing } from '@/lib/content/content-for-editing';
import { orNotFound } from '@/lib/http/or-not-found';
import { hasMediaRight } from '@/lib/permissions/media';

/** The content edit page, shared by /apis/{api}/new and /apis/{api}/{contentId}. */
export async function ContentPage({ endpoint, contentId }: { endpoint: string; contentId: string | null }) {
  const actor = await requireMemberPage();
  const editing = await orNotFound(async () => await contentForEditing(actor, endpoint, contentId));
  return (
    <main className="flex-1 overflow-auto bg-slate-50">
      <div className="mx-auto max-w-4xl px-6 pt-8">
        <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
          <Link href="/apis" className="hover:text-slate-800">
            Content
          </Link>{' '}
          /{' '}
          <Link href={`/apis/${endpoint}`} className="hover:text-slate-800">
            {editing.api.name}
          </Link>{' '}
          / {editing.content ? editing.content.id : 'New'}
        </nav>
        <h1 className="mb-6 mt-1 text-xl font-semibold">
          {editing.content ? `Edit ${editing.api.name} content` : `New ${editing.api.name} content`}
        </h1>
        <ContentForm
          editing={editing}
          maxUploadBytes={config().KURA_MAX_UPLOAD_BYTES}
          canUpload={hasMediaRight(actor, 'upload')}
        />
      </div>
    </main>
  );
}
