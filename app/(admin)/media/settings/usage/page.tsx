import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Breadcrumb } from '@/components/layout/breadcrumb';
import { DayChart } from '@/components/usage/day-chart';
import { requireAdminPage } from '@/lib/auth/session';
import { formatBytes } from '@/lib/media/format-bytes';
import { canReadUsage } from '@/lib/permissions/settings';
import { getUsage } from '@/lib/usage/get-usage';

export const metadata: Metadata = { title: 'Usage · Media settings' };

const KIND_LABEL = { image: 'Images', video: 'Video', audio: 'Audio', pdf: 'PDF', other: 'Other files' } as const;

// /media/settings/usage — bytes stored and delivered per day, the month's top media, free disk (Administrators).
export default async function UsagePage() {
  const actor = (await requireAdminPage(canReadUsage)) ?? notFound();
  const u = await getUsage(actor);
  const { disk } = u;
  const usedShare = disk.totalBytes > 0 ? 1 - disk.freeBytes / disk.totalBytes : 0;
  return (
    <main className="relative flex-1 overflow-auto bg-slate-50">
      <div className="mx-auto max-w-5xl space-y-6 px-6 py-8">
        <div>
          <Breadcrumb
            trail={[
              { href: '/media', label: 'Media' },
              { href: '/media/settings', label: 'Media settings' },
            ]}
            current="Usage"
          />
          <h1 className="mt-1 text-xl font-semibold">Usage</h1>
          <p className="mt-1 text-sm text-slate-600">
            What this service stores and delivers, per day (UTC). Delivery counts are written every{' '}
            {Math.round(u.flushEveryMs / 100) / 10} s.
          </p>
        </div>

        <section aria-labelledby="disk-heading" className="rounded-lg border border-slate-200 bg-white px-5 py-4">
          <h2 id="disk-heading" className="text-base font-semibold">
            Disk of the data directory
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            <strong>{formatBytes(disk.freeBytes)}</strong> free of {formatBytes(disk.totalBytes)};{' '}
            {`uploads always leave ${formatBytes(disk.reserve)} free.`}
          </p>
          <div
            className="mt-2 h-2 w-full overflow-hidden rounded bg-slate-100"
            role="meter"
            aria-label="Disk used"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(usedShare * 100)}
          >
            <div
              className={disk.warning ? 'h-full bg-red-500' : 'h-full bg-indigo-500'}
              style={{ width: `${Math.round(usedShare * 100)}%` }}
            />
          </div>
          {disk.warning && (
            <p role="alert" className="mt-2 text-sm font-medium text-red-700">
              {disk.warning}
            </p>
          )}
        </section>

        <FigureSection
          id="stored"
          title="Stored"
          figures={[
            ['Originals', formatBytes(u.stored.originals)],
            ['Variant cache', formatBytes(u.stored.variants)],
            ...u.stored.kinds.map(
              (k) => [KIND_LABEL[k.kind], `${k.count.toLocaleString('en-US')} · ${formatBytes(k.bytes)}`] as const,
            ),
            [
              'In Trash',
              `${u.stored.kept.trash.count.toLocaleString('en-US')} · ${formatBytes(u.stored.kept.trash.bytes)}`,
            ],
            [
              'Earlier versions',
              `${u.stored.kept.versions.count.toLocaleString('en-US')} · ${formatBytes(u.stored.kept.versions.bytes)}`,
            ],
          ]}
          charts={[
            ['Stored originals', u.daily['stored.originals'], 'bytes'],
            ['Stored variants', u.daily['stored.variants'], 'bytes'],
          ]}
          days={u.days}
        />
        <FigureSection
          id="delivered"
          title="Delivered"
          figures={[
            [`Originals, ${u.month}`, formatBytes(u.monthTotals.originalBytes)],
            [`Original requests, ${u.month}`, u.monthTotals.originalRequests.toLocaleString('en-US')],
            [`Image API, ${u.month}`, formatBytes(u.monthTotals.variantBytes)],
            [`Image API requests, ${u.month}`, u.monthTotals.variantRequests.toLocaleString('en-US')],
          ]}
          charts={[
            ['Originals sent', u.daily['original.bytes'], 'bytes'],
            ['Original requests', u.daily['original.requests'], 'requests'],
            ['Image API sent', u.daily['variant.bytes'], 'bytes'],
            ['Image API requests', u.daily['variant.requests'], 'requests'],
          ]}
          days={u.days}
        />

        <section aria-labelledby="top-heading" className="rounded-lg border border-slate-200 bg-white">
          <h2 id="top-heading" className="px-5 pt-4 text-base font-semibold">
            Top media by bytes delivered, {u.month}
          </h2>
          {u.top.length === 0 ? (
            <p className="px-5 py-4 text-sm text-slate-500">Nothing delivered this month yet.</p>
          ) : (
            <table className="mt-2 w-full text-sm">
              <thead className="text-left text-xs text-slate-500">
                <tr>
                  <th className="px-5 py-2 font-medium">Media</th>
                  <th className="px-5 py-2 text-right font-medium">Bytes</th>
                  <th className="px-5 py-2 text-right font-medium">Requests</th>
                </tr>
              </thead>
              <tbody>
                {u.top.map((t) => (
                  <tr key={t.id} className="border-t border-slate-100">
                    <td className="px-5 py-2">
                      {t.fileName ? (
                        <Link href={`/media/${t.id}`} className="text-indigo-700 hover:underline">
                          {t.fileName}
                        </Link>
                      ) : (
                        <span className="text-slate-500">Deleted media</span>
                      )}
                    </td>
                    <td className="px-5 py-2 text-right tabular-nums">{formatBytes(t.bytes)}</td>
                    <td className="px-5 py-2 text-right tabular-nums">{t.requests.toLocaleString('en-US')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </main>
  );
}

/** Figures as labelled values, then one chart per day each. */
function FigureSection({
  id,
  title,
  figures,
  charts,
  days,
}: {
  id: string;
  title: string;
  figures: (readonly [string, string])[];
  charts: (readonly [string, number[], 'bytes' | 'requests'])[];
  days: string[];
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3">
      <h2 id={`${id}-heading`} className="text-base font-semibold">
        {title}
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {figures.map(([label, value]) => (
          <div key={label} className="rounded-lg border border-slate-200 bg-white px-3 py-2">
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className="mt-0.5 text-sm font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-3 sm:grid-cols-2">
        {charts.map(([chartTitle, values, unit]) => (
          <DayChart key={chartTitle} title={chartTitle} days={days} values={values} unit={unit} />
        ))}
      </div>
    </section>
  );
}
