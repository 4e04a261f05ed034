import { Readable } from 'node:stream';

/**
 * Reads the first `bytes` (or a little more: whole chunks) of a stream without losing them:
 * returns them and a stream that yields the whole input again, head included.
 */
export async function takeHead(source: Readable, bytes: number): Promise<{ head: Buffer; body: Readable }> {
  const it = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const chunks: Buffer[] = [];
  let length = 0;
  let ended = false;
  while (length < bytes) {
    const next = await it.next();
    if (next.done) {
      ended = true;
      break;
    }
    chunks.push(next.value);
    length += next.value.length;
  }
  const head = Buffer.concat(chunks);
  async function* all() {
    try {
      if (head.length) yield head;
      if (ended) return;
      for (;;) {
        const next = await it.next();
        if (next.done) {
          ended = true;
          return;
        }
        yield next.value;
      }
    } finally {
      // Abandoned early (an error downstream): release the source instead of leaving it paused.
      if (!ended) await it.return?.();
    }
  }
  return { head, body: Readable.from(all(), { objectMode: false }) };
}
