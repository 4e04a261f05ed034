import type { StorageSettingsView } from '@/lib/storage-settings/get-storage-settings';
import { ConnectionTest } from './connection-test';
import { DirectUrlNote } from './direct-url-note';

/** KURA_S3_* in force: the values read-only (the secret masked), and a connection test. */
export function EnvStorage({ env }: { env: NonNullable<StorageSettingsView['env']> }) {
  const rows: [string, string][] = [
    ['Bucket', env.bucket],
    ['Region', env.region],
    ['Endpoint', env.endpoint || 'Amazon S3'],
    ['Path-style addressing', env.forcePathStyle ? 'Yes' : 'No'],
    ['Access key ID', env.accessKeyId || '—'],
    ['Secret access key', env.secret],
    ['Key prefix', env.prefix || '(none)'],
    ['Public base URL', env.publicUrl || '(none: delivery URLs stay on Kura)'],
    ['Fix file names', env.fixFileNames ? 'Yes' : 'No'],
  ];
  return (
    <section aria-labelledby="env-storage-heading" className="rounded-lg border border-slate-200 bg-white px-5 py-4">
      <h2 id="env-storage-heading" className="text-base font-semibold">
        Amazon S3 bucket (from the environment)
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        KURA_S3_BUCKET is set, so new uploads go to this bucket and these values can only be changed in the environment.
      </p>
      <dl
        className="mt-4 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm"
        aria-label="Storage from the environment"
      >
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-slate-600">{label}</dt>
            <dd
              className="break-all font-mono text-slate-900"
              data-testid={`env-${label.toLowerCase().replace(/[^a-z]+/g, '-')}`}
            >
              {value}
            </dd>
          </div>
        ))}
      </dl>
      {env.publicUrl && <DirectUrlNote />}
      <div className="mt-4">
        <ConnectionTest input="env" />
      </div>
    </section>
  );
}
