import 'server-only';
import { badRequest } from '@/lib/errors';
import { deliveryUrlMatcher, parseDeliveryUrl } from '@/lib/media/urls';
import { sanitizeRichHtml } from './sanitize-rich-html';
import { mediaUrlsIn, urlsIn } from './rich-html-media';
import { MAX_IMAGES_PER_FIELD, TEXT_LIMITS, valueOf, type ApiField } from './schemas';

/** A media reference taken from input, checked against the database inside the write transaction. */
export type MediaCheck = {
  field: ApiField;
  mediaId: string;
  /** The file name of the URL given, which must be the media's current name. */
  fileName?: string;
  /** How the input named it, for messages. */
  given: string;
  fromRichText: boolean;
};

/** Field values in their stored form (`null` clears a field) and the media references to check. */
export type ContentDraft = { data: Record<string, unknown>; checks: MediaCheck[] };

const MEDIA_ID = /^[0-9a-f]{32}$/;

/**
 * Parses a content body against an API's fields: unknown fields, wrong types and oversize values are
 * refused with a 400 naming the field; media URLs become media ids; rich-editor HTML is sanitized.
 * Needs no database: what only the database can tell is returned as `checks`.
 */
export async function prepareContent(fields: ApiField[], body: unknown): Promise<ContentDraft> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('The body must be a JSON object of field values');
  }
  const byId = new Map(fields.map((f) => [f.id, f]));
  const draft: ContentDraft = { data: {}, checks: [] };
  for (const [key, value] of Object.entries(body)) {
    const field = byId.get(key);
    if (!field) throw badRequest(`Unknown field "${key}": this API has ${fields.map((f) => `"${f.id}"`).join(', ')}`);
    draft.data[key] = value === null ? null : await prepareValue(field, value, draft.checks);
  }
  return draft;
}

/** Stored values with a draft applied: a value replaces, `null` removes. */
export function applyDraft(stored: Record<string, unknown>, draft: Record<string, unknown>): Record<string, unknown> {
  const data = { ...stored };
  for (const [key, value] of Object.entries(draft)) {
    if (value === null) delete data[key];
    else data[key] = value;
  }
  return data;
}

/** Throws a 400 naming the first required field that has no value. */
export function assertRequired(fields: ApiField[], data: Record<string, unknown>): void {
  for (const field of fields) {
    const value = valueOf(data, field.id);
    const empty = value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
    if (field.required && empty) throw badRequest(`${field.id}: is required`);
  }
}

async function prepareValue(field: ApiField, value: unknown, checks: MediaCheck[]): Promise<unknown> {
  const fail = (message: string) => badRequest(`${field.id}: ${message}`);
  switch (field.kind) {
    case 'text':
    case 'textArea':
    case 'richEditor': {
      if (typeof value !== 'string') throw fail('expected a string');
      const limit = TEXT_LIMITS[field.kind];
      if (value.length > limit)
        throw fail(`at most ${limit.toLocaleString('en')} characters (got ${value.length.toLocaleString('en')})`);
      if (field.kind !== 'richEditor') return value;
      const html = sanitizeRichHtml(value);
      const match = await deliveryUrlMatcher(urlsIn(html));
      for (const parts of mediaUrlsIn(html, match)) {
        checks.push({
          field,
          mediaId: parts.mediaId,
          fileName: parts.fileName,
          given: parts.fileName,
          fromRichText: true,
        });
      }
      return html;
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw fail('expected a number');
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw fail('expected true or false');
      return value;
    case 'image':
    case 'file':
      return await mediaRef(field, value, checks);
    case 'multipleImages': {
      if (!Array.isArray(value)) throw fail('expected an array of image URLs');
      if (value.length > MAX_IMAGES_PER_FIELD) throw fail(`at most ${MAX_IMAGES_PER_FIELD} images`);
      const ids: string[] = [];
      for (const v of value) ids.push(await mediaRef(field, v, checks));
      if (new Set(ids).size !== ids.length) throw fail('holds the same image twice');
      return ids;
    }
  }
}

/** A media field value — the delivery URL, the media id, or an object with either — as a media id. */
async function mediaRef(field: ApiField, value: unknown, checks: MediaCheck[]): Promise<string> {
  const given =
    typeof value === 'string'
      ? value
      : typeof value === 'object' && value !== null && 'url' in value && typeof value.url === 'string'
        ? value.url
        : typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string'
          ? value.id
          : null;
  if (given === null) throw badRequest(`${field.id}: expected a media URL of this service or a media id`);
  if (MEDIA_ID.test(given)) {
    checks.push({ field, mediaId: given, given, fromRichText: false });
    return given;
  }
  const parts = await parseDeliveryUrl(given);
  if (!parts) throw badRequest(`${field.id}: "${given.slice(0, 200)}" is not a media URL of this service`);
  checks.push({ field, mediaId: parts.mediaId, fileName: parts.fileName, given, fromRichText: false });
  return parts.mediaId;
}
