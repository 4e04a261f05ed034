import { Readable } from 'node:stream';

/**
 * Reads the first `bytes` (or a little more: whole chunks) of a stream without consuming them:
 * returns them and a stream that yields the whole input again, head included. The head is put back
 * with `unshift`, so the rest flows straight from the source with no extra layer per chunk.
 */
export function readHead(source: Readable, bytes: number): Promise<{ head: Buffer; body: Readable }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const cleanup = () => {
      source.off('readable', onReadable);
      source.off('end', onEnd);
      source.off('error', onError);
    };
    const onReadable = () => {
      let chunk: Buffer | null;
      while (length < bytes && (chunk = source.read()) !== null) {
        chunks.push(chunk);
        length += chunk.length;
      }
      if (length < bytes) return;
      cleanup();
      const head = Buffer.concat(chunks);
      source.unshift(head);
      resolve({ head, body: source });
    };
    const onEnd = () => {
      // The whole input was shorter than the head: it cannot be put back into an ended stream.
      cleanup();
      const head = Buffer.concat(chunks);
      resolve({ head, body: Readable.from(head.length ? [head] : [], { objectMode: false }) });
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    source.on('readable', onReadable);
    source.once('end', onEnd);
    source.once('error', onError);
  });
}
