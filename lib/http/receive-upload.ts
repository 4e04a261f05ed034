import 'server-only';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import type { Media } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { config } from '@/lib/config';
import { badRequest, KuraError } from '@/lib/errors';
import { uploadLimitMessage, uploadMedia } from '@/lib/media/upload-media';

/** Room for multipart boundaries and part headers around the file itself. */
const MULTIPART_SLACK = 64 * 1024;
/** After a refusal, read (and drop) at most this much more so the client can read the answer. */
const DRAIN_CAP = 64 * 1024 * 1024;

/**
 * Streams the multipart part named `file` of a request into {@link uploadMedia}: never buffered
 * whole, never through `request.formData()`. Other parts are skipped.
 */
export async function receiveUpload(req: Request, actor: Actor): Promise<Media> {
  const contentType = req.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data/i.test(contentType)) throw badRequest('Send multipart/form-data with the file in a part named "file"');
  const max = config().KURA_MAX_UPLOAD_BYTES;
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (declared > max + MULTIPART_SLACK) throw new KuraError('too_large', uploadLimitMessage(max));
  if (!req.body) throw badRequest('No file: send it in a part named "file"');

  const source = Readable.fromWeb(req.body as WebReadableStream<Uint8Array>);
  const parser = busboy({ headers: { 'content-type': contentType }, preservePath: true, defParamCharset: 'utf8', limits: { fileSize: max + 1, files: 10, fields: 50, parts: 60 } });

  return new Promise<Media>((resolve, reject) => {
    let upload: Promise<Media> | undefined;
    let file: Readable | undefined;
    let settled = false;

    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      file?.destroy(err instanceof Error ? err : new Error(String(err)));
      drain(source).finally(() => reject(err));
    };

    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || upload) return void stream.resume();
      file = stream;
      upload = uploadMedia(actor, { fileName: info.filename ?? 'file', stream });
      upload.catch(fail);
    });
    parser.on('error', () => fail(badRequest('The multipart body is malformed or was cut short')));
    parser.on('close', () => {
      if (!upload) return fail(badRequest('No file: send it in a part named "file"'));
      upload.then((m) => {
        settled = true;
        resolve(m);
      }, fail);
    });
    source.on('error', () => {
      // The client went away mid-upload: abort the write so nothing is kept.
      const cut = badRequest('The upload was cut short');
      parser.destroy(cut);
      fail(cut);
    });
    source.pipe(parser);
  });
}

/** Reads the rest of a request into nothing, up to {@link DRAIN_CAP}, so the client sees our answer. */
function drain(source: Readable): Promise<void> {
  return new Promise((resolve) => {
    if (source.readableEnded || source.destroyed) return resolve();
    source.unpipe();
    let drained = 0;
    source.on('data', (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > DRAIN_CAP) source.destroy();
    });
    source.once('end', resolve);
    source.once('close', resolve);
    source.resume();
  });
}
