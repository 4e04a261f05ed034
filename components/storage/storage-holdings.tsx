import { formatBytes } from '@/lib/media/format-bytes';

/** Which storages hold media, and how much: media keeps the storage it was uploaded to. */
export function StorageHoldings({
  holdings,
  uploadTo,
}: {
  holdings: { name: string; media: number; trash: number; trashBytes: number }[];
  uploadTo: string;
}) {
  return (
    <section aria-labelledby="holdings-heading" className="rounded-lg border border-slate-200 bg-white px-5 py-4">
      <h2 id="holdings-heading" className="text-base font-semibold">
        Where media is stored
      </h2>
      {holdings.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">No media yet.</p>
      ) : (
        <ul aria-label="Storages holding media" className="mt-2 divide-y divide-slate-100 text-sm">
          {holdings.map((h) => (
            <li key={h.name} className="flex justify-between py-1.5">
              <span className="font-mono">{h.name === 'local' ? 'local disk' : h.name}</span>
              <span className="text-slate-600">
                {h.media.toLocaleString('en-US')} media
                {h.trash > 0 ? ` · ${h.trash.toLocaleString('en-US')} in Trash (${formatBytes(h.trashBytes)})` : ''}
                {h.name === uploadTo ? ' · new uploads go here' : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
