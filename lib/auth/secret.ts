import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { config } from '@/lib/config';

let secret: string | undefined;

/** AUTH_SECRET from the environment, else one generated once into the data dir and kept. */
export function authSecret(): string {
  if (secret) return secret;
  const fromEnv = config().AUTH_SECRET;
  if (fromEnv) return (secret = fromEnv);
  const file = path.join(config().dataDir, 'auth-secret');
  fs.mkdirSync(config().dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return (secret = fs.readFileSync(file, 'utf8').trim());
}
