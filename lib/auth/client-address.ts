import 'server-only';
import type { IncomingMessage } from 'node:http';
import { config } from '@/lib/config';

/**
 * The address a request came from: the socket's, or with `KURA_TRUST_PROXY=1` the first
 * `X-Forwarded-For` hop (what the proxy saw). Never the header otherwise: Next keeps a client's own
 * `X-Forwarded-For` rather than overwriting it, so anyone could pick their address.
 */
export function clientAddress(req: IncomingMessage): string {
  if (config().KURA_TRUST_PROXY) {
    const header = req.headers['x-forwarded-for'];
    const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim();
    if (first) return normalize(first);
  }
  return normalize(req.socket.remoteAddress ?? 'unknown');
}

/** IPv4 clients of a dual-stack socket appear as `::ffff:1.2.3.4`: one client, one counter. */
const normalize = (address: string) =>
  address
    .replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '')
    .toLowerCase()
    .slice(0, 64);
