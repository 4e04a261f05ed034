/** Past this, the list is cut: a header the size of a query of thousands of names helps nobody. */
const MAX_LENGTH = 1024;

// Header values may carry visible ASCII only (no CR/LF, no bytes above 0x7E); a comma would split an item.
const SAFE = /^[\x21-\x2b\x2d-\x7e]+$/;

const encoded = (item: string) => {
  try {
    return encodeURIComponent(item);
  } catch {
    return null; // a lone surrogate: not worth reporting
  }
};

/**
 * `Kura-Ignored-Params` for a plan's ignored names: each as spelled when it is plain ASCII, else
 * percent-encoded (`%E2%98%83`, `a%0D%0Ab`), so any query yields a valid header; cut at 1 KiB with `…`.
 * @example ignoredHeader(['txt', '☃']) // 'txt,%E2%98%83'
 */
export function ignoredHeader(ignored: readonly string[]): string {
  let header = '';
  for (const item of ignored) {
    const safe = SAFE.test(item) ? item : encoded(item);
    if (safe === null || safe === '') continue;
    const next = header ? `${header},${safe}` : safe;
    if (next.length > MAX_LENGTH) return `${header},...`;
    header = next;
  }
  return header;
}
