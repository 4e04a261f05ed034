import Link from 'next/link';
import type { MediaReferences } from '@/lib/content/content-using-media';
import type { PreviewUrls } from '@/lib/image-api/preview-urls';
import { formatBytes } from '@/lib/media/format-bytes';
import type { MediaRecord } from '@/lib/media/present';
import { CopyButton } from './copy-button';
import { DeleteMediaButton } from './delete-media-button';
import { ImageApiPreview } from './image-api-preview';
import { LocalTime } from './local-time';
import { MediaPreview } from './media-preview';
import { PanelSheet } from './panel-sheet';
import { dimensionsLabel, formatLabel } from './media-format';
import { AltTextButton } from './panel/alt-text-button';
import { CreatorButton } from './panel/creator-button';
import { editSummary } from './image-edit-summary';
import { ImageEditButton } from './panel/image-edit-button';
import { RenameButton } from './panel/rename-button';
import { ReuploadButton } from './panel/reupload-button';
import { TagLinks } from './panel/tag-links';
import { TagsButton } from './panel/tags-button';
import { ReferenceList } from './reference-list';

/** One row of the panel; `edit` is the pencil beside the value, when the viewer may change it. */
function Field({ label, edit, children }: { label: string; edit?: React.ReactNode; children: React.ReactNode }) {
  return (
    <div className="py-2.5">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 flex items-start justify-between gap-2 text-sm text-slate-900">
        <div className="min-w-0 flex-1">{children}</div>
        {edit}
      </dd>
    </div>
  );
}

function UrlField(props: {
  label: string;
  inputLabel: string;
  copyLabel: string;
  value: string;
  children?: React.ReactNode;
}) {
  return (
    <Field label={props.label}>
      <div className="space-y-2">
        <input
          readOnly
          value={props.value}
          aria-label={props.inputLabel}
          className="w-full rounded border border-slate-200 bg-slate-50 px-2 py-1 font-mono text-xs"
        />
        <CopyButton value={props.value} label={props.copyLabel} />
        {props.children && <p className="text-xs text-slate-500">{props.children}</p>}
      </div>
    </Field>
  );
}

/** The detail panel of one media item, beside the library. */
/** `preview`: the Image API preview's URLs, made (and signed) on the server; null hides it. */
type Props = {
  item: MediaRecord;
  closeHref: string;
  references: MediaReferences;
  canDelete: boolean;
  canEdit?: boolean;
  preview: PreviewUrls | null;
  /** The History section (earlier versions), when the page shows one. */
  history?: React.ReactNode;
};

export function DetailPanel({ item, closeHref, references, canDelete, canEdit = false, preview, history }: Props) {
  return (
    <PanelSheet itemId={item.id} closeHref={closeHref}>
      {/* The header stays in view: what this is, and what can be done with it (the Image API preview first). */}
      <div className="sticky top-0 z-10 space-y-2 border-b border-slate-100 bg-white px-5 py-3">
        <div className="flex items-center justify-between gap-2">
          <h2 data-panel-heading tabIndex={-1} className="min-w-0 truncate text-sm font-semibold outline-none">
            Details
          </h2>
          <Link
            href={closeHref}
            scroll={false}
            aria-label="Close details"
            className="rounded p-1 text-sm text-slate-500 hover:bg-slate-100 hover:text-slate-900"
          >
            <span aria-hidden="true" className="md:hidden">
              ← Back
            </span>
            <span aria-hidden="true" className="hidden md:inline">
              ✕
            </span>
          </Link>
        </div>
        {(preview || canEdit || canDelete) && (
          <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Actions">
            {preview && (
              <ImageApiPreview
                urls={preview}
                fileName={item.fileName}
                alt={item.alt ?? ''}
                bucketUrl={!!item.kuraUrl}
              />
            )}
            {canEdit && <ReuploadButton id={item.id} fileName={item.fileName} kind={item.kind} />}
            {canDelete && (
              <DeleteMediaButton id={item.id} fileName={item.fileName} references={references} afterHref={closeHref} />
            )}
          </div>
        )}
      </div>
      {/* The preview: image, video and audio players, a PDF's first page (components/media/media-preview.tsx). */}
      <MediaPreview item={item} />
      <dl className="divide-y divide-slate-100 px-5">
        <Field
          label="File name"
          edit={
            canEdit && <RenameButton id={item.id} fileName={item.fileName} url={item.url} mimeType={item.mimeType} />
          }
        >
          <a
            href={item.url}
            target="_blank"
            rel="noopener noreferrer"
            className="break-all font-medium text-indigo-700 hover:underline"
            data-testid="panel-file-name"
          >
            {item.fileName}
          </a>
        </Field>
        <Field label="Created">
          <LocalTime iso={item.createdAt} />
        </Field>
        {/* Any change since: a rename, new alt text or tags, a re-upload. */}
        {Date.parse(item.updatedAt) - Date.parse(item.createdAt) >= 1000 && (
          <Field label="Updated">
            <span data-testid="panel-updated">
              <LocalTime iso={item.updatedAt} />
            </span>
          </Field>
        )}
        <Field label="Format">
          <span data-testid="panel-format">{formatLabel(item)}</span>
        </Field>
        <Field label="Size">
          <span data-testid="panel-size">
            {formatBytes(item.size)}
            {item.size >= 1024 && <span className="text-slate-500"> ({item.size.toLocaleString('en-US')} bytes)</span>}
          </span>
        </Field>
        {item.kind === 'image' && (
          <Field label="Image size">
            <span data-testid="panel-dimensions">{dimensionsLabel(item)}</span>
          </Field>
        )}
        <Field label="Creator" edit={canEdit && <CreatorButton id={item.id} creator={item.creator} />}>
          <span data-testid="panel-creator">
            {item.creator?.name ?? 'None (uploaded with an API key or by a removed member)'}
          </span>
        </Field>
        <Field label="References">
          <ReferenceList references={references} />
        </Field>
        {item.kind === 'image' && (
          <Field label="Alt text" edit={canEdit && <AltTextButton id={item.id} alt={item.alt ?? ''} />}>
            <span data-testid="panel-alt">{item.alt || <span className="text-slate-500">Not set</span>}</span>
          </Field>
        )}
        {item.kind === 'image' && preview && (
          <Field
            label="Focal point and crop"
            edit={canEdit && <ImageEditButton item={item} editorUrl={preview.editor} />}
          >
            <span data-testid="panel-image-edit">
              {editSummary(item) ?? <span className="text-slate-500">Not set</span>}
            </span>
          </Field>
        )}
        <Field label="Tags" edit={canEdit && <TagsButton id={item.id} tags={item.tags} />}>
          <span data-testid="panel-tags">
            <TagLinks tags={item.tags} />
          </span>
        </Field>
        <UrlField label="URL" inputLabel="Delivery URL" copyLabel="Copy URL" value={item.url}>
          {item.kuraUrl && 'Points straight at the S3 bucket (or its CDN): the Image API does not apply to this URL.'}
        </UrlField>
        <UrlField
          label="Versioned URL"
          inputLabel="Versioned URL"
          copyLabel="Copy versioned URL"
          value={item.versionedUrl}
        >
          Cache it forever: it changes whenever the file is replaced.
        </UrlField>
        {item.kuraUrl && (
          <UrlField label="Kura URL" inputLabel="Kura URL" copyLabel="Copy Kura URL" value={item.kuraUrl}>
            Served by Kura from the bucket: the Image API works on this URL.
          </UrlField>
        )}
      </dl>
      {history}
    </PanelSheet>
  );
}
