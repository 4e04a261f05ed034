import { describe, expect, it } from 'vitest';
import { apiEndpoint, apiFields, valueOf } from '@/lib/content/schemas';

const field = (id: string, kind = 'text') => ({ id, name: id, kind });
const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues[0]?.message;

describe('API schemas', () => {
  it('refuses field ids that are system fields or built-in object properties', () => {
    for (const id of ['id', 'createdAt', 'publishedAt', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(firstMessage(apiFields.safeParse([field(id)])), id).toBe('This field id is reserved');
    }
    expect(apiFields.safeParse([field('title'), field('body', 'richEditor')]).success).toBe(true);
  });

  it('refuses malformed ids, duplicates and size rules on non-image fields', () => {
    expect(apiFields.safeParse([field('1st')]).success).toBe(false);
    expect(apiFields.safeParse([field('a-b')]).success).toBe(false);
    expect(firstMessage(apiFields.safeParse([field('title'), field('title')]))).toBe(
      'The field id "title" is used twice',
    );
    expect(firstMessage(apiFields.safeParse([{ ...field('doc', 'file'), imageSize: { width: 1, height: 1 } }]))).toBe(
      'Only image fields can require a size',
    );
    expect(apiFields.safeParse([{ ...field('cover', 'image'), imageSize: { width: 1200, height: 630 } }]).success).toBe(
      true,
    );
  });

  it('reserves the media endpoint and admin path names', () => {
    expect(firstMessage(apiEndpoint.safeParse('media'))).toBe('"media" is reserved and cannot name an API');
    expect(apiEndpoint.safeParse('new').success).toBe(false);
    expect(apiEndpoint.safeParse('Blogs').success).toBe(false);
    expect(apiEndpoint.safeParse('blogs').success).toBe(true);
  });

  it('reads only own properties of stored data', () => {
    expect(valueOf({}, 'constructor')).toBeUndefined();
    expect(valueOf({ title: 'x' }, 'title')).toBe('x');
  });
});
