import { describe, expect, it } from 'vitest';
import { describeS3Error } from '@/lib/storage/s3-errors';
import { s3Fields } from '@/lib/storage/schemas';

const where = { bucket: 'media', endpoint: 'https://s3.example.com' };
const sdkError = (name: string, status?: number, extra: object = {}) =>
  Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode: status }, ...extra });

// The connection test sorts SDK errors into causes an Administrator can act on; the S3 test server
// (s3rver) cannot produce every one of them (it checks key ids but not SigV4 signatures), so they are pinned here.
describe('describeS3Error', () => {
  it('names wrong credentials by the S3 code, or by a bare 403', () => {
    for (const name of ['InvalidAccessKeyId', 'SignatureDoesNotMatch']) {
      expect(describeS3Error(sdkError(name, 403), where)).toEqual({
        reason: 'credentials',
        message: `the credentials were refused (${name}): check the access key id and secret`,
      });
    }
    expect(describeS3Error(sdkError('', 403), where).reason).toBe('credentials');
  });

  it('names keys without the right apart from wrong ones: AccessDenied is a policy, not a typo', () => {
    expect(describeS3Error(sdkError('AccessDenied', 403), where)).toEqual({
      reason: 'permission',
      message: `the credentials may not do this (AccessDenied): check the key's policy on the bucket "media"`,
    });
  });

  it('names a full bucket or a quota (MinIO, Ceph, any 507)', () => {
    for (const name of ['QuotaExceeded', 'XMinioStorageFull', 'XMinioAdminBucketQuotaExceeded']) {
      expect(describeS3Error(sdkError(name, 403), where)).toEqual({
        reason: 'full',
        message: `the bucket "media" at https://s3.example.com is full or over its quota (${name})`,
      });
    }
    expect(describeS3Error(sdkError('', 507), where).reason).toBe('full');
  });

  it('names a missing bucket, but not a missing object, as the bucket', () => {
    expect(describeS3Error(sdkError('NoSuchBucket', 404), where)).toEqual({
      reason: 'bucket',
      message: 'the bucket "media" does not exist at https://s3.example.com (NoSuchBucket)',
    });
    expect(describeS3Error(sdkError('NotFound', 404), where).reason).toBe('bucket');
    expect(describeS3Error(sdkError('NoSuchKey', 404), where).reason).toBe('other');
  });

  it('names an endpoint out of reach: refused, unknown host, timeout, also inside an AggregateError', () => {
    expect(describeS3Error(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }), where)).toEqual({
      reason: 'unreachable',
      message: 'the endpoint https://s3.example.com could not be reached (ECONNREFUSED)',
    });
    expect(describeS3Error(Object.assign(new Error('getaddrinfo'), { code: 'ENOTFOUND' }), where).reason).toBe(
      'unreachable',
    );
    expect(describeS3Error(sdkError('TimeoutError'), where).reason).toBe('unreachable');
    expect(
      describeS3Error(
        Object.assign(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })], 'all failed')),
        where,
      ).reason,
    ).toBe('unreachable');
  });

  it('keeps the code and status of anything else', () => {
    expect(describeS3Error(sdkError('SlowDown', 503), where)).toEqual({
      reason: 'other',
      message: 'SlowDown (HTTP 503): SlowDown happened',
    });
  });
});

describe('the key prefix', () => {
  const prefix = (p: string) => s3Fields.shape.prefix.parse(p);
  it('is a folder: no leading slash, one trailing slash, empty stays empty', () => {
    expect(prefix('')).toBe('');
    expect(prefix('media')).toBe('media/');
    expect(prefix('/media/')).toBe('media/');
    expect(prefix(' site/media ')).toBe('site/media/');
  });
  it('refuses climbing and empty folders', () => {
    expect(() => prefix('a/../b')).toThrow();
    expect(() => prefix('a//b')).toThrow();
  });
});
