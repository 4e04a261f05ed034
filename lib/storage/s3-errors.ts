/** Why an S3 request failed, in the words an Administrator can act on. */
export type S3Failure = {
  reason: 'credentials' | 'permission' | 'full' | 'bucket' | 'unreachable' | 'other';
  message: string;
};

type SdkError = Error & {
  code?: string;
  errors?: { code?: string }[];
  $metadata?: { httpStatusCode?: number };
  Code?: string;
};

const NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ECONNABORTED',
]);
const CREDENTIALS = new Set([
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'InvalidToken',
  'ExpiredToken',
  'CredentialsProviderError',
]);

/** Quota or capacity refusals of S3-compatible servers (MinIO, Ceph RGW, …) and HTTP 507. */
const FULL = new Set([
  'QuotaExceeded',
  'XMinioStorageFull',
  'XMinioAdminBucketQuotaExceeded',
  'StorageFull',
  'InsufficientStorage',
  'TooManyBuckets',
]);

/**
 * Sorts an SDK error into a full bucket or server (a quota, 507), keys without the right (AccessDenied),
 * wrong credentials (InvalidAccessKeyId, SignatureDoesNotMatch, 403), a missing bucket (NoSuchBucket, 404 on
 * the bucket), an endpoint that cannot be reached (refused, timed out, unknown host) or anything else, with a
 * message naming the bucket or endpoint.
 */
export function describeS3Error(err: unknown, where: { bucket: string; endpoint: string }): S3Failure {
  const e = (err ?? {}) as SdkError;
  const name = e.name || e.Code || '';
  const code = e.code ?? e.errors?.find((x) => x.code)?.code ?? (e.cause as SdkError | undefined)?.code;
  const status = e.$metadata?.httpStatusCode;
  if (
    (code && NETWORK.has(code)) ||
    name === 'TimeoutError' ||
    name === 'RequestTimeout' ||
    /timed? ?out|socket hang up/i.test(e.message ?? '')
  ) {
    return {
      reason: 'unreachable',
      message: `the endpoint ${where.endpoint} could not be reached (${code ?? name ?? 'no answer'})`,
    };
  }
  if (FULL.has(name) || status === 507) {
    return {
      reason: 'full',
      message: `the bucket "${where.bucket}" at ${where.endpoint} is full or over its quota (${name || 'HTTP 507'})`,
    };
  }
  if (name === 'AccessDenied') {
    return {
      reason: 'permission',
      message: `the credentials may not do this (AccessDenied): check the key's policy on the bucket "${where.bucket}"`,
    };
  }
  if (CREDENTIALS.has(name) || status === 403) {
    return {
      reason: 'credentials',
      message: `the credentials were refused (${name || 'HTTP 403'}): check the access key id and secret`,
    };
  }
  if (name === 'NoSuchBucket' || (status === 404 && name !== 'NoSuchKey')) {
    return {
      reason: 'bucket',
      message: `the bucket "${where.bucket}" does not exist at ${where.endpoint} (${name || 'HTTP 404'})`,
    };
  }
  return {
    reason: 'other',
    message: `${name || 'error'}${status ? ` (HTTP ${status})` : ''}: ${e.message || 'no details'}`,
  };
}
