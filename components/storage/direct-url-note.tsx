/** What the direct-bucket URL mode means for the Image API. */
export function DirectUrlNote() {
  return (
    <p className="mt-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      With a public base URL, delivery URLs point straight at the bucket or CDN, as microCMS does. The Image API does
      not apply to those URLs; each media item&apos;s Kura URL keeps working for it.
    </p>
  );
}
