import { editSummary } from '@/components/media/image-edit-summary';
import { dimensionsLabel } from '@/components/media/media-format';
import type { ActivityRow } from '@/lib/activity/list-activity';
import { formatBytes } from '@/lib/media/format-bytes';

type Values = Record<string, unknown> | null;

const text = (v: Values, key: string) => (typeof v?.[key] === 'string' ? (v[key] as string) : '');
const num = (v: Values, key: string) => (typeof v?.[key] === 'number' ? (v[key] as number) : null);
const list = (v: Values, key: string) => (Array.isArray(v?.[key]) ? (v[key] as unknown[]).map(String) : []);
const creatorName = (v: Values) => {
  const c = v?.creator as { name?: unknown } | null | undefined;
  return typeof c?.name === 'string' ? c.name : null;
};

const Arrow = () => <span className="text-slate-400">{' → '}</span>;
const None = ({ children = 'none' }: { children?: string }) => (
  <span className="text-slate-500 italic">{children}</span>
);

/** "image/png · 1.2 KB · 800 × 600": what a file was, for uploads, deletes and re-uploads. */
const facts = (v: Values) =>
  [
    text(v, 'mimeType'),
    num(v, 'size') === null ? '' : formatBytes(num(v, 'size')!),
    num(v, 'width') ? dimensionsLabel({ width: num(v, 'width'), height: num(v, 'height') }) : '',
  ]
    .filter(Boolean)
    .join(' · ');

function Tags({ names }: { names: string[] }) {
  if (names.length === 0) return <None />;
  return (
    <span className="inline-flex flex-wrap gap-1 align-middle">
      {names.map((t) => (
        <span key={t} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-800">
          {t}
        </span>
      ))}
    </span>
  );
}

const quoted = (alt: string) => (alt ? <span className="text-slate-800">{`“${alt}”`}</span> : <None>no alt text</None>);

/** An audit entry's before → after, readable: names, quoted alt texts, tag chips, creators, file facts. */
export function ActivityChange({ entry: { operation, before, after } }: { entry: ActivityRow }) {
  switch (operation) {
    case 'upload':
      return <span className="text-slate-600">{facts(after)}</span>;
    case 'delete':
      return <span className="text-slate-600">{`Was ${facts(before)}`}</span>;
    case 'rename':
      return (
        <span className="break-all">
          {text(before, 'fileName')}
          <Arrow />
          {text(after, 'fileName')}
        </span>
      );
    case 'image_edit':
      return (
        <span>
          {editSummary(before ?? {}) ?? <None>no edit</None>}
          <Arrow />
          {editSummary(after ?? {}) ?? <None>no edit</None>}
        </span>
      );
    case 'alt':
      return (
        <span>
          {quoted(text(before, 'alt'))}
          <Arrow />
          {quoted(text(after, 'alt'))}
        </span>
      );
    case 'tags':
      return (
        <span>
          <Tags names={list(before, 'tags')} />
          <Arrow />
          <Tags names={list(after, 'tags')} />
        </span>
      );
    case 'creator':
      return (
        <span>
          {creatorName(before) ?? <None>no creator</None>}
          <Arrow />
          {creatorName(after) ?? <None>no creator</None>}
        </span>
      );
    case 'reupload':
      return (
        <span className="text-slate-600">
          {facts(before)}
          <Arrow />
          {facts(after)}
          {text(before, 'url') !== text(after, 'url') && (
            <span className="block break-all">{`New URL: ${text(after, 'url')}`}</span>
          )}
          {text(before, 'alt') && !text(after, 'alt') && <span className="block">Alt text reset</span>}
        </span>
      );
    case 'delete_all':
      return (
        <span className="text-slate-600">
          {`Deleted ${num(after, 'deleted') ?? 0} media, ` + `kept ${num(after, 'kept') ?? 0}`}
        </span>
      );
    default:
      return <SecurityChange before={before} after={after} />;
  }
}

/** A security entry: where a login came from, how many sessions ended, a setting's values before → after. */
function SecurityChange({ before, after }: { before: Values; after: Values }) {
  const parts = [
    text(after, 'client') && `from ${text(after, 'client')}`,
    text(after, 'until') &&
      `refused until ${new Date(text(after, 'until')).toISOString().replace('T', ' ').slice(0, 16)} UTC`,
    num(after, 'sessionsEnded') !== null &&
      `${num(after, 'sessionsEnded')} session${num(after, 'sessionsEnded') === 1 ? '' : 's'} ended`,
  ].filter(Boolean);
  const changed = { ...before, ...after };
  const shown = Object.keys(changed).filter((k) => !['client', 'until', 'sessionsEnded'].includes(k));
  return (
    <span className="text-slate-600">
      {parts.join(', ')}
      {shown.map((k) => (
        <span key={k} className="block break-all">
          {`${k}: `}
          {before && k in before && (
            <>
              {show(before[k])}
              <Arrow />
            </>
          )}
          {after && k in after ? show(after[k]) : <None>removed</None>}
        </span>
      ))}
    </span>
  );
}

const show = (v: unknown) =>
  Array.isArray(v)
    ? v.map(String).join(', ') || 'none'
    : v === null || v === undefined || v === ''
      ? 'none'
      : String(v);
