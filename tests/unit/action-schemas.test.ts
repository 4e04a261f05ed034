import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { describeError } from '@/lib/errors';
import { bulkEditInput, editMediaInput, mediaChanges } from '@/lib/media/schemas';
import { s3Fields } from '@/lib/storage/schemas';
import { connectionTestInput } from '@/lib/storage-settings/schemas';

/** The message an action's parse refuses with (authedAction's `error`), or `ok`. */
const actionSays = (schema: z.ZodType, input: unknown) => {
  const parsed = schema.safeParse(input);
  return parsed.success ? 'ok' : describeError(parsed.error).message;
};
/** The message the domain function's own parse throws for the same input. */
const domainSays = (schema: z.ZodType, input: unknown) => {
  try {
    schema.parse(input);
    return 'ok';
  } catch (err) {
    return describeError(err).message;
  }
};
/** The action's field errors, keyed by path as authedAction keys them. */
const fieldsOf = (schema: z.ZodType, input: unknown) =>
  Object.fromEntries((schema.safeParse(input).error?.issues ?? []).map((i) => [i.path.join('.') || '_', i.message]));

const id = 'a'.repeat(32);

describe("action schemas refuse with the domain's own messages", () => {
  it('editing one media: the message and field of mediaChanges, not under "changes."', () => {
    const bad = [
      { fileName: '   ' },
      { fileName: 'x'.repeat(1001) },
      { alt: 'x'.repeat(1001) },
      { tags: 'one' },
      { tags: ['ok', ''] },
      { creatorId: 7 },
      { colour: 'red' },
    ];
    for (const changes of bad) {
      expect(actionSays(editMediaInput, { id, changes }), JSON.stringify(changes)).toBe(
        domainSays(mediaChanges, changes),
      );
      expect(actionSays(editMediaInput, { id, changes })).not.toBe('ok');
    }
    expect(actionSays(editMediaInput, { id, changes: { fileName: '   ' } })).toBe('fileName: give the file a name');
    expect(fieldsOf(editMediaInput, { id, changes: { tags: ['ok', ''] } })).toEqual({
      'tags.1': 'A tag has 1–50 characters',
    });
    expect(actionSays(editMediaInput, { id: 'nope', changes: {} })).toBe(
      'id: A media id is 32 lowercase hex characters',
    );
    expect(editMediaInput.parse({ id, changes: { fileName: ' cover.jpg ' } })).toEqual({
      id,
      changes: { fileName: 'cover.jpg' },
    });
  });

  it('the bulk bar and the connection test', () => {
    for (const input of [{ ids: [], addTags: ['a'] }, { ids: [id], addTags: [] }, { ids: [id] }, 5]) {
      expect(actionSays(bulkEditInput, input)).toBe(domainSays(bulkEditInput, input));
    }
    const fields = {
      bucket: 'Not A Bucket',
      region: '',
      endpoint: 'ftp://x',
      forcePathStyle: true,
      credentials: 'keys',
      accessKeyId: '',
      secretAccessKey: '',
      prefix: 'a/../b',
      publicUrl: '',
      fixFileNames: false,
    };
    for (const input of [fields, { ...fields, bucket: 'my-media' }, 5, 'local']) {
      expect(actionSays(connectionTestInput, input), JSON.stringify(input)).toBe(domainSays(s3Fields, input));
    }
    expect(Object.keys(fieldsOf(connectionTestInput, fields))).toEqual(['bucket', 'region', 'endpoint', 'prefix']);
    expect(connectionTestInput.parse('env')).toBe('env');
    // The domain parses the action's output again: its transforms (trim, prefix with one slash) change nothing then.
    const good = { ...fields, bucket: 'my-media', region: ' us-east-1 ', endpoint: '', prefix: '/media' };
    const once = connectionTestInput.parse(good);
    expect(once).toMatchObject({ region: 'us-east-1', prefix: 'media/' });
    expect(s3Fields.parse(once)).toEqual(once);
  });
});
