import Link from 'next/link';
import { ContentForm } from '@/components/content/content-form';
import { requireMemberPage } from '@/lib/auth/session';
import { config } from '@/lib/config';
import { contentForEditing } from '@/lib/content/content-for-editing';
import { orNotFound } from '@/lib/http/or-not-found';
import { canManageApis } from '@/lib/permissions/content';
import { hasMediaRight } from '@/lib/permissions/media';

/** The content edit page, shared by /apis/{api}/new, /apis/{api}/{contentId} and an object API's /apis/{api}. */
export async function ContentPage({ endpoint, contentId }: { endpoint: string; contentId: string | null }) {
  const actor = await requireMemberPage();
  const editing = await orNotFound(async () => await contentForEditing(actor, endpoint, contentId));
  const object = editing.api.kind === 'object';
  return (
    <main className="relative flex-1 overflow-auto bg-slate-50">
      <div className="mx-auto max-w-4xl px-6 pt-8">
        <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
          <Link href="/apis" className="hover:text-slate-800">
            Content
          </Link>{' '}
          /{' '}
          {object ? (
            editing.api.name
          ) : (
            <>
              <Link href={`/apis/${endpoint}`} className="hover:text-slate-800">
                {editing.api.name}
              </Link>{' '}
              / {editing.content ? editing.content.id : 'New'}
            </>
          )}
        </nav>
        <div className="mb-6 mt-1 flex items-center gap-3">
          <h1 className="text-xl font-semibold">
            {editing.content || object ? `Edit ${editing.api.name} content` : `New ${editing.api.name} content`}
          </h1>
          {object && <span className="font-mono text-xs text-slate-500">object · /api/v1/{endpoint}</span>}
          {object && canManageApis(actor) && (
            <Link
              href={`/apis/${endpoint}/settings`}
              className="ml-auto rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50"
            >
              API settings
            </Link>
          )}
        </div>
        <ContentForm
          editing={editing}
          maxUploadBytes={config().KURA_MAX_UPLOAD_BYTES}
          canUpload={hasMediaRight(actor, 'upload')}
        />
      </div>
    </main>
  );
}
