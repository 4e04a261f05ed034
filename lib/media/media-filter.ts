import 'server-only';
import {
  and,
  asc,
  desc,
  eq,
  exists,
  gte,
  inArray,
  isNull,
  like,
  lt,
  not,
  notExists,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import { databaseKind, db } from '@/db';
import { containsText } from '@/db/dialect';
import { contentMedia, media, mediaTags, tags } from '@/db/schema';

import type { KindFilter, MediaSort } from './filter-options';

export type { KindFilter, MediaSort } from './filter-options';

/** Every way the library and the media API narrow a listing. */
export type MediaFilter = {
  /** Substring of the file name or the alt text. */
  search?: string;
  fileName?: string;
  alt?: string;
  kind?: KindFilter;
  /** Tag names; an item must hold all of them. */
  tags?: string[];
  /** A member id, or 'none' for media without a creator. */
  creator?: string;
  createdAfter?: Date;
  createdBefore?: Date;
  unused?: boolean;
};

type SearchedColumn = 'file_name' | 'alt';
const columns = { file_name: media.fileName, alt: media.alt } as const;

/**
 * Media whose name and/or alt text contains `text` anywhere, ignoring case. On SQLite a text of three characters
 * or more is looked up in the media_search FTS5 table (trigram tokens: a substring match that reads only the rows
 * holding the text; db/migrations/0007_media_search.sql); shorter texts, and PostgreSQL (whose trigram indexes
 * serve ILIKE), scan with LIKE / ILIKE.
 */
function contains(text: string, searched: SearchedColumn[]): SQL {
  if (databaseKind() === 'sqlite' && [...text].length >= 3) {
    const phrase = `"${text.replace(/"/g, '""')}"`;
    const query = searched.length === 1 ? `${searched[0]} : ${phrase}` : phrase;
    const matching = sql`select rowid from media_search where media_search match ${query}`;
    return sql`${media.id} in (select k.media_id from media_search_keys k where k.rowid in (${matching}))`;
  }
  return or(...searched.map((c) => containsText(columns[c], text)))!;
}

/** The filter as WHERE conditions on `media`, shaped for finding a page or for counting all matches. */
export function filterConditions(filter: MediaFilter, purpose: 'page' | 'count' = 'page'): SQL[] {
  const c: SQL[] = [];
  if (filter.search) c.push(contains(filter.search, ['file_name', 'alt']));
  if (filter.fileName) c.push(contains(filter.fileName, ['file_name']));
  if (filter.alt) c.push(contains(filter.alt, ['alt']));
  switch (filter.kind) {
    case 'image':
      c.push(eq(media.kind, 'image'));
      break;
    case 'video':
      c.push(like(media.mimeType, 'video/%'));
      break;
    case 'audio':
      c.push(like(media.mimeType, 'audio/%'));
      break;
    case 'pdf':
      c.push(eq(media.mimeType, 'application/pdf'));
      break;
    case 'other':
      c.push(
        eq(media.kind, 'file'),
        not(like(media.mimeType, 'video/%')),
        not(like(media.mimeType, 'audio/%')),
        sql`${media.mimeType} <> 'application/pdf'`,
      );
      break;
  }
  for (const name of new Set(filter.tags ?? [])) {
    // The tag's id as a scalar subquery, so its media ids come straight from media_tags_tag (tag_id, media_id)
    // in id order, with no join to tags: both planners can then stop a capped count early.
    const tagId = db().select({ id: tags.id }).from(tags).where(eq(tags.name, name));
    const holders = (...more: SQL[]) =>
      db()
        .select({ id: mediaTags.mediaId })
        .from(mediaTags)
        .where(and(eq(mediaTags.tagId, sql`(${tagId})`), ...more));
    // Measured at 100k media: EXISTS finds a page fastest (it stops after the page), IN counts fastest.
    c.push(purpose === 'page' ? exists(holders(eq(mediaTags.mediaId, media.id))) : inArray(media.id, holders()));
  }
  if (filter.creator === 'none') c.push(isNull(media.creatorId));
  else if (filter.creator) c.push(eq(media.creatorId, filter.creator));
  if (filter.createdAfter) c.push(gte(media.createdAt, filter.createdAfter));
  if (filter.createdBefore) c.push(lt(media.createdAt, filter.createdBefore));
  if (filter.unused)
    c.push(
      notExists(
        db()
          .select({ one: sql`1` })
          .from(contentMedia)
          .where(eq(contentMedia.mediaId, media.id)),
      ),
    );
  return c;
}

/** ORDER BY for a sort (`-` = descending, as microCMS's `orders`), ending in the id so equal keys keep one order. */
export function orderFor(sort: MediaSort): SQL[] {
  const dir = sort.startsWith('-') ? desc : asc;
  const column = sort.endsWith('size') ? media.size : sort.endsWith('name') ? media.fileName : media.createdAt;
  return [dir(column), dir(media.id)];
}
