import 'server-only';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import { badRequest } from '@/lib/errors';
import { boundaryOf, CleanPartHeaders } from './clean-part-headers';

/** Room for multipart boundaries and part headers around the file itself. */
const MULTIPART_SLACK = 64 * 1024;
/** After a refusal, read (and drop) at most this much more so the client can read the answer. */
const DRAIN_CAP = 64 * 1024 * 1024;

const NO_FILE = 'No file: send it in a part named "file"';
const FILE_AS_FIELD =
  'The part named "file" came as a text field (it has no file name and no Content-Type): send it as a file';

/** The file part of a request, as `onFile` gets it. */
export type ReceivedFile = {
  fileName: string;
  stream: Readable;
  /** Resolves once the whole request has arrived intact; rejects if it is cut or malformed after the file. */
  requestComplete: Promise<void>;
  /** The request's Content-Length (the file and its multipart wrapping), or null when it came chunked. */
  declaredBytes: number | null;
};

/** What an upload route allows: the size limit and its refusal, and a check of the declared length (room on disk). */
export type ReceiveLimits = {
  maxBytes: number;
  tooLarge: () => Error;
  /** Throws to refuse a request by its Content-Length before a byte of the body is read. */
  admit?: (declaredBytes: number) => Promise<void>;
};

/**
 * Streams the multipart part named `file` of a Node request into `onFile`: never buffered whole, never
 * through `request.formData()` or a web stream. Other parts are skipped. A `Content-Length` already past
 * `maxBytes` is refused (`tooLarge`), or one `admit` refuses (no room on disk), before a byte is read; the
 * file stream itself is cut just past it, so
 * `onFile` sees the overflow and refuses it. `onFile` should commit only once `requestComplete` resolves:
 * a request cut or malformed after its file part then leaves nothing behind either.
 */
export async function receiveFile<T>(
  req: IncomingMessage,
  limits: ReceiveLimits,
  onFile: (file: ReceivedFile) => Promise<T>,
): Promise<T> {
  const contentType = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data\s*(;|$)/i.test(contentType))
    throw badRequest('Send multipart/form-data with the file in a part named "file"');
  const max = limits.maxBytes;
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > max + MULTIPART_SLACK) throw limits.tooLarge();
  const declaredBytes = Number.isSafeInteger(declared) && declared >= 0 ? declared : null;
  if (declaredBytes !== null && limits.admit) await limits.admit(declaredBytes);

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      preservePath: true, // the file name is cleaned by our own rule, not cut to its last segment
      defParamCharset: 'utf8', // browsers send UTF-8 file names
      limits: { fileSize: max + 1, files: 10, fields: 50, parts: 60 },
      // 1 MiB buffers (16 KiB by default) between the parser and the file's reader: fewer pauses on a large file.
      highWaterMark: 1024 * 1024,
      fileHwm: 1024 * 1024,
    });
  } catch {
    throw badRequest('The multipart body has no boundary');
  }
  const source: Readable = req;
  const cleaner = new CleanPartHeaders(boundaryOf(contentType) ?? '');
  cleaner.on('error', () => {});

  return new Promise<T>((resolve, reject) => {
    let upload: Promise<T> | undefined;
    let file: Readable | undefined;
    let settled = false;
    let requestEnded: () => void = () => {};
    let requestFailed: (err: unknown) => void = () => {};
    const requestComplete = new Promise<void>((ok, fail) => {
      requestEnded = ok;
      requestFailed = fail;
    });
    requestComplete.catch(() => {}); // observed through onFile

    const fail = (err: unknown) => {
      requestFailed(err);
      if (settled) return;
      settled = true;
      file?.destroy();
      void drain(source).finally(() => reject(err));
    };

    parser.on('file', (name, stream, info) => {
      stream.on('error', () => {}); // errors reach us through the parser or onFile
      if (name !== 'file' || upload) return void stream.resume();
      file = stream;
      upload = onFile({ fileName: info.filename ?? 'file', stream, requestComplete, declaredBytes });
      upload.catch(fail);
    });
    let fileAsField = false;
    parser.on('field', (name) => {
      if (name === 'file') fileAsField = true;
    });
    parser.on('error', () => fail(badRequest('The multipart body is malformed or was cut short')));
    parser.on('close', () => {
      if (!upload) return fail(badRequest(fileAsField ? FILE_AS_FIELD : NO_FILE));
      requestEnded();
      upload.then((result) => {
        if (settled) return;
        settled = true;
        resolve(result);
      }, fail);
    });
    // The client went away mid-upload: abort the write so nothing is kept.
    const cutShort = () => {
      const cut = badRequest('The upload was cut short');
      parser.destroy(cut);
      fail(cut);
    };
    source.on('error', cutShort);
    source.on('close', () => {
      if (!req.complete) cutShort();
    });
    source.pipe(cleaner).pipe(parser);
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
