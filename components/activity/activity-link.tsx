import Link from 'next/link';

/** Media settings → Activity: where the audit log of the library is (Administrators only). */
export function ActivityLink() {
  return (
    <section aria-labelledby="activity-heading" className="flex flex-wrap items-center justify-between gap-4 rounded-lg border border-slate-200 bg-white px-5 py-4">
      <div>
        <h2 id="activity-heading" className="text-base font-semibold">
          Activity
        </h2>
        <p className="mt-1 text-sm text-slate-600">Who uploaded, renamed, re-uploaded, retagged or deleted which media, and when — from the library or through an API key.</p>
      </div>
      <Link href="/media/settings/activity" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50">
        View activity
      </Link>
    </section>
  );
}
