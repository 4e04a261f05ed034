import type { Table } from './matrix-case';
import { CONTENT_ENTRIES } from './matrix-entries-content';
import { DUPLICATE_ENTRIES } from './matrix-entries-duplicates';
import { MEDIA_ENTRIES } from './matrix-entries-media';
import { SERVICE_ENTRIES } from './matrix-entries-service';
import { SETTINGS_ENTRIES } from './matrix-entries-settings';

/**
 * The permission matrix: one entry for every server action and every route method of Kura. A new
 * action or route without an entry here fails tests/faults/permission-matrix.spec.ts, by name.
 * How to add one: docs/permissions.md.
 */
export const MATRIX: Table = {
  ...MEDIA_ENTRIES,
  ...DUPLICATE_ENTRIES,
  ...CONTENT_ENTRIES,
  ...SERVICE_ENTRIES,
  ...SETTINGS_ENTRIES,
};
