import 'server-only';
import { randomBytes } from 'node:crypto';
import { s3Client, s3Sdk, type S3Location } from './s3';
import { describeS3Error, type S3Failure } from './s3-errors';

export type ConnectionStep = 'write' | 'read' | 'delete';
export type ConnectionResult = { ok: true; message: string } | ({ ok: false; step: ConnectionStep } & S3Failure);

const STEP_WORDS: Record<ConnectionStep, string> = {
  write: 'Writing the probe object failed',
  read: 'Reading the probe object back failed',
  delete: 'Deleting the probe object failed',
};

/**
 * Writes a small probe object under the key prefix, reads it back and deletes it, each step once and
 * with short timeouts, and reports which step failed and why (credentials, bucket, endpoint, other).
 */
export async function testConnection(loc: S3Location, guard = false): Promise<ConnectionResult> {
  const [{ DeleteObjectCommand, GetObjectCommand, PutObjectCommand }, client] = await Promise.all([
    s3Sdk(),
    s3Client(loc, true, guard),
  ]);
  const where = { bucket: loc.bucket, endpoint: loc.endpoint ?? `s3.${loc.region}.amazonaws.com` };
  const Key = `${loc.prefix}kura-connection-test-${randomBytes(6).toString('hex')}`;
  const body = `Kura connection test ${new Date().toISOString()}`;
  let step: ConnectionStep = 'write';
  try {
    await client.send(
      new PutObjectCommand({
        Bucket: loc.bucket,
        Key,
        Body: body,
        ContentType: 'text/plain',
        CacheControl: 'no-store',
      }),
    );
    step = 'read';
    const got = await client.send(new GetObjectCommand({ Bucket: loc.bucket, Key }));
    const text = await got.Body?.transformToString();
    if (text !== body)
      return {
        ok: false,
        step,
        reason: 'other',
        message: `${STEP_WORDS.read}: the object came back with other bytes than were written`,
      };
    step = 'delete';
    await client.send(new DeleteObjectCommand({ Bucket: loc.bucket, Key }));
    return {
      ok: true,
      message: `Connected: wrote, read back and deleted a probe object in "${loc.bucket}" at ${where.endpoint}.`,
    };
  } catch (err) {
    const failure = describeS3Error(err, where);
    return { ok: false, step, reason: failure.reason, message: `${STEP_WORDS[step]}: ${failure.message}.` };
  } finally {
    client.destroy();
  }
}
