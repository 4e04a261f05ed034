/** A boolean query parameter: `true`/`1` are true, absent/`false`/`0` false, anything else refused by the caller. */
export function queryFlag(value: string | string[] | undefined | null): boolean | null {
  const v = Array.isArray(value) ? value[0] : value;
  if (v === undefined || v === null || v === '' || v === 'false' || v === '0') return false;
  if (v === 'true' || v === '1') return true;
  return null;
}
