import 'server-only';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { config } from '@/lib/config';
import { badRequest } from '@/lib/errors';
import { privateAddressKind } from './private-address';

const ADVICE = 'Kura sends nothing to loopback, link-local or private addresses unless KURA_ALLOW_PRIVATE_TARGETS=1';

/** Whether targets entered in the UI may point inside the network (KURA_ALLOW_PRIVATE_TARGETS=1). */
export const privateTargetsAllowed = () => config().KURA_ALLOW_PRIVATE_TARGETS;

const refusal = (host: string, ip: string, kind: string) =>
  `${host === ip ? ip : `${host} resolves to ${ip}`}, ${kind}: ${ADVICE}`;

/**
 * Refuses (400, naming the field) a URL whose host is, or resolves to, a non-public address. A name that
 * does not resolve now is let through: the check at send time ({@link guardedAgent}) stops it later.
 */
export async function assertPublicTarget(url: string, field: string): Promise<void> {
  if (privateTargetsAllowed()) return;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host)
    ? [host]
    : await dns.promises.lookup(host, { all: true }).then(
        (list) => list.map((a) => a.address),
        () => [],
      );
  for (const ip of addresses) {
    const kind = privateAddressKind(ip);
    if (kind) throw badRequest(`${field}: ${refusal(host, ip, kind)}`);
  }
}

/** Resolves once and checks what it got; the socket then connects to exactly that address (no DNS rebinding). */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '', 0);
    const bad = addresses.map((a) => ({ a, kind: privateAddressKind(a.address) })).find((x) => x.kind);
    if (bad)
      return callback(
        Object.assign(new Error(refusal(hostname, bad.a.address, bad.kind!)), { code: 'EPRIVATETARGET' }),
        '',
        0,
      );
    if (options.all) return (callback as unknown as (e: null, list: dns.LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
};

type Connect = (options: { host?: string }, cb: (err: Error | null, socket?: unknown) => void) => unknown;

/** An IP literal never reaches `lookup`: it is checked where the socket is made. */
function guardLiterals<T extends http.Agent>(agent: T): T {
  const connect = (agent as unknown as { createConnection: Connect }).createConnection.bind(agent);
  (agent as unknown as { createConnection: Connect }).createConnection = (options, cb) => {
    const host = (options.host ?? '').replace(/^\[|\]$/g, '');
    const kind = isIP(host) ? privateAddressKind(host) : null;
    if (kind) return void cb(Object.assign(new Error(refusal(host, host, kind)), { code: 'EPRIVATETARGET' }));
    return connect(options, cb);
  };
  return agent;
}

/**
 * An HTTP(S) agent that connects only to public addresses, for targets entered in the UI (webhook URLs,
 * S3 endpoints); with KURA_ALLOW_PRIVATE_TARGETS=1, or for the operator's own targets, a plain one.
 */
export function guardedAgent(
  protocol: 'http:' | 'https:',
  guard: boolean,
  options: http.AgentOptions = {},
): http.Agent {
  const Agent = protocol === 'https:' ? https.Agent : http.Agent;
  if (!guard) return new Agent(options);
  return guardLiterals(new Agent({ ...options, lookup: guardedLookup }));
}
