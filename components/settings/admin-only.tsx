/** What a member without the Administrator role sees on an Administrator's settings screen. */
export function AdminOnly({ what }: { what: string }) {
  return (
    <p
      role="status"
      className="rounded-lg border border-slate-200 bg-white px-5 py-8 text-center text-sm text-slate-600"
    >
      {`Only an Administrator can ${what}.`}
    </p>
  );
}
