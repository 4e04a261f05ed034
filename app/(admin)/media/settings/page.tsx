import type { Metadata } from 'next';
import { Breadcrumb } from '@/components/layout/breadcrumb';
import { z } from 'zod';
import { SettingsLink } from '@/components/media/settings/settings-link';
import { DeleteAllMedia } from '@/components/media/settings/delete-all-media';
import { TagSettings } from '@/components/media/settings/tag-settings';
import { WebhookSettings } from '@/components/webhooks/webhook-settings';
import { requireMemberPage } from '@/lib/auth/session';
import { config } from '@/lib/config';
import { listTags } from '@/lib/tags/list-tags';
import { canManageStorage, canManageWebhooks, canReadActivity, canReadUsage } from '@/lib/permissions/settings';
import { canManageTags, hasMediaRight } from '@/lib/permissions/media';
import { serviceId } from '@/lib/service/service-id';
import { listWebhooks } from '@/lib/webhooks/list-webhooks';

export const metadata: Metadata = { title: 'Media settings' };

/** `?q=` is the tag search, so a filtered view is a link; a bad value opens the full list. */
const settingsQuery = z.object({ q: z.string().max(50).catch('') });

export default async function MediaSettingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await requireMemberPage();
  const { q } = settingsQuery.parse(await searchParams);
  const { KURA_MAX_TAGS_PER_MEDIA, KURA_MAX_TAGS } = config();
  return (
    <main className="relative flex-1 overflow-auto bg-slate-50">
      <div className="mx-auto max-w-4xl space-y-6 px-6 py-8">
        <div>
          <Breadcrumb trail={[{ href: '/media', label: 'Media' }]} current="Media settings" />
          <h1 className="mt-1 text-xl font-semibold">Media settings</h1>
        </div>
        <TagSettings
          tags={await listTags(actor)}
          initialSearch={q}
          canEdit={canManageTags(actor)}
          maxPerMedia={KURA_MAX_TAGS_PER_MEDIA}
          maxTotal={KURA_MAX_TAGS}
        />
        {canManageWebhooks(actor) && <WebhookSettings scope={{ kind: 'media' }} webhooks={await listWebhooks(actor)} />}
        {canManageStorage(actor) && (
          <SettingsLink
            id="storage"
            title="Storage"
            description={
              "Where new uploads are stored: this server's disk or an " +
              'Amazon S3 (or S3-compatible) bucket, with a connection test.'
            }
            href="/media/settings/storage"
            action="Storage settings"
          />
        )}
        {canReadActivity(actor) && (
          <SettingsLink
            id="activity"
            title="Activity"
            description={
              'Who uploaded, renamed, re-uploaded, retagged or deleted which ' +
              'media, and when — from the library or through an API key.'
            }
            href="/media/settings/activity"
            action="View activity"
          />
        )}
        {canReadUsage(actor) && (
          <SettingsLink
            id="usage"
            title="Usage"
            description={
              'Bytes stored and delivered per day, originals and Image API outputs, ' +
              'the most delivered media of the month, and the free disk.'
            }
            href="/media/settings/usage"
            action="View usage"
          />
        )}
        {hasMediaRight(actor, 'delete') && (
          <SettingsLink
            id="trash"
            title="Trash"
            description={
              `Deleted media, kept ${config().KURA_TRASH_DAYS} days with its URL switched off: ` +
              'restore it, or delete it permanently.'
            }
            href="/media/settings/trash"
            action="Open Trash"
          />
        )}
        {hasMediaRight(actor, 'delete') && <DeleteAllMedia serviceId={serviceId()} />}
      </div>
    </main>
  );
}
