// Design notes: docs/content.md ("Full-text search").
import 'server-only';
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { databaseKind, transaction, db, type Tx } from '@/db';
import { contentSearch, contents, type Api } from '@/db/schema';
import { valueOf, type ApiField } from './schemas';

/** How text is compared in search: NFKC (full-width letters and digits become ASCII), then lower case. */
export const searchForm = (text: string) => text.normalize('NFKC').toLowerCase();

/** What `q` searches in a content item: its text, text-area and rich-editor fields (text only, no markup). */
export function searchTextOf(fields: ApiField[], data: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const field of fields) {
    const value = valueOf(data, field.id);
    if (typeof value !== 'string') continue;
    if (field.kind === 'text' || field.kind === 'textArea') parts.push(value);
    else if (field.kind === 'richEditor') parts.push(textContent(parseDocument(value, { decodeEntities: true })));
  }
  return searchForm(parts.join('\n'));
}

/** Writes the item's search text; called in the transaction of every write to `contents.data`. */
export async function writeSearchText(tx: Tx, contentId: string, fields: ApiField[], data: Record<string, unknown>) {
  const text = searchTextOf(fields, data);
  await tx
    .insert(contentSearch)
    .values({ contentId, text })
    .onConflictDoUpdate({ target: contentSearch.contentId, set: { text } });
}

/** APIs whose content all has search text, in this process (content written since the migration always has). */
const indexed = new Set<string>();

/** Gives search text to the API's content written before search existed, once per API and process. */
export async function ensureSearchable(api: Api, fields: ApiField[]): Promise<void> {
  if (indexed.has(api.id)) return;
  for (;;) {
    const missing = await db()
      .select({ id: contents.id, data: contents.data })
      .from(contents)
      .leftJoin(contentSearch, eq(contentSearch.contentId, contents.id))
      .where(and(eq(contents.apiId, api.id), isNull(contentSearch.contentId)))
      .limit(1000);
    if (missing.length === 0) break;
    await transaction(async (tx) => {
      for (const row of missing) {
        // Another writer may have indexed it meanwhile: its text is the current one, keep it.
        await tx
          .insert(contentSearch)
          .values({ contentId: row.id, text: searchTextOf(fields, row.data) })
          .onConflictDoNothing({ target: contentSearch.contentId });
      }
    });
  }
  indexed.add(api.id);
}

/**
 * Content whose search text holds every word of `q` (split at spaces), ignoring case. A word of three characters or
 * more is looked up in the trigram index (SQLite FTS5 `trigram`, PostgreSQL pg_trgm); a shorter word, which a trigram
 * index cannot hold, is found by scanning the search text of the API's content.
 */
export function matchesSearch(q: string): SQL | null {
  const words = searchForm(q).split(/\s+/).filter(Boolean).slice(0, 10);
  if (words.length === 0) return null;
  const postgres = databaseKind() === 'postgres';
  const conditions = words.map((word) => {
    if ([...word].length < 3)
      return postgres
        ? sql`strpos(${contentSearch.text}, ${word}) > 0`
        : sql`instr(${contentSearch.text}, ${word}) > 0`;
    if (postgres) {
      const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      return sql`${contentSearch.text} like ${pattern} escape '\\'`;
    }
    // An FTS5 string: the word as one phrase, its quotes doubled (a bound value, never SQL).
    const phrase = `"${word.replaceAll('"', '""')}"`;
    return sql`${contentSearch.seq} in (select rowid from content_search_fts where content_search_fts match ${phrase})`;
  });
  const all = sql.join(conditions, sql` and `);
  const found = sql`select ${contentSearch.contentId} from ${contentSearch} where ${all}`;
  // The matches first, then each one's row by primary key, so filters read only the matching rows' JSON
  // (bench/RESULTS.md, content-query): PostgreSQL plans `= any(array(…))` as a primary-key scan.
  return postgres ? sql`${contents.id} = any(array(${found}))` : sql`${contents.id} in (${found})`;
}
