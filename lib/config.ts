import 'server-only';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_DATA_DIR } from '@/db/data-dir';
import { emailAddress } from '@/lib/auth/email';
import { configProblems, days, httpUrl, onOff, postgresUrl, text, wholeNumber } from './config-rules';

/**
 * Every variable Kura reads, with what it accepts: validated as a whole by `npm start` before the server listens
 * (lib/service/preflight.ts) and again, once, by the server itself.
 */
export const envSchema = z
  .object({
    PORT: wholeNumber(1, 65_535, 3000),
    KURA_DATA_DIR: z.string().min(1).default(DEFAULT_DATA_DIR).describe('a directory path'),
    KURA_PUBLIC_URL: httpUrl(),
    // A delivery origin of its own (docs/deploy.md, "A delivery origin"): the origin written into delivery URLs,
    // and the port of the lean listener that answers only GET/HEAD /assets/… beside the main one.
    KURA_DELIVERY_URL: httpUrl(),
    // Optionally another origin for files that are not images (PDF, video, audio, documents), as microCMS keeps
    // files and images apart: written into their delivery URLs, answered by the same listener (docs/deploy.md).
    KURA_FILES_URL: httpUrl(),
    KURA_DELIVERY_PORT: z.coerce
      .number()
      .int()
      .min(1)
      .max(65_535)
      .optional()
      .describe('a whole number from 1 to 65535 (unset: no delivery listener)'),
    KURA_DATABASE_URL: postgresUrl(),
    KURA_DATABASE_POOL: wholeNumber(1, 1000, 10),
    KURA_ADMIN_EMAIL: emailAddress.optional().describe('an email address such as name@example.com'),
    KURA_ADMIN_PASSWORD: text(12, 'at least 12 characters, like every password'),
    KURA_API_KEY: text(16),
    AUTH_SECRET: text(16),
    // next-auth's own names: Kura passes its secret itself and trusts the request's host, but a value set must work.
    NEXTAUTH_SECRET: text(16),
    NEXTAUTH_URL: httpUrl(),
    AUTH_TRUST_HOST: z.enum(['0', '1', 'true', 'false']).optional().describe('true or false'),
    KURA_MAX_UPLOAD_BYTES: wholeNumber(1, null, 1024 ** 3),
    // Uploads (and variant files) never leave less than this free on the data directory's disk.
    KURA_MIN_FREE_BYTES: wholeNumber(0, null, 512 * 1024 ** 2),
    KURA_MAX_INPUT_PIXELS: wholeNumber(1, null, 100_000_000),
    // Image API: encodes at once (about the core count), requests waiting beyond them before 503, disk cache bound.
    KURA_IMAGE_RENDERS: wholeNumber(1, 64, os.availableParallelism()),
    KURA_IMAGE_QUEUE: wholeNumber(0, 10_000, 32),
    KURA_IMAGE_CACHE_BYTES: wholeNumber(1024 * 1024, null, 2 * 1024 ** 3),
    KURA_IMAGE_CACHE_ENTRIES: wholeNumber(16, null, 200_000),
    // Image API hardening: largest output (width × height × frames), distinct variants per media, imgix signatures.
    KURA_MAX_OUTPUT_PIXELS: wholeNumber(1, null, 8192 * 8192),
    KURA_MAX_VARIANTS_PER_MEDIA: wholeNumber(1, null, 200),
    KURA_IMAGE_SIGNING_TOKEN: text(8),
    KURA_IMAGE_TRACE: onOff(),
    KURA_MAX_TAGS_PER_MEDIA: wholeNumber(1, 1000, 10),
    KURA_MAX_TAGS: wholeNumber(1, 100_000, 100),
    KURA_DEMO: onOff(),
    KURA_MEDIA_WEBHOOK_URL: httpUrl(),
    KURA_WEBHOOK_SECRET: text(16),
    KURA_CACHE_CONTROL: z
      .string()
      .min(1)
      .default('public, max-age=60, stale-while-revalidate=86400')
      .describe('a Cache-Control header value'),
    // Amazon S3 or an S3-compatible endpoint (SPEC §6): with KURA_S3_BUCKET set, new uploads go to the bucket.
    KURA_S3_BUCKET: z.string().trim().min(3).optional().describe('a bucket name (at least 3 characters)'),
    KURA_S3_REGION: z.string().trim().min(1).optional().describe('a region such as eu-central-1'),
    KURA_S3_ENDPOINT: httpUrl(),
    KURA_S3_FORCE_PATH_STYLE: onOff(),
    KURA_S3_ACCESS_KEY_ID: z.string().trim().min(1).optional().describe('an access key id'),
    KURA_S3_SECRET_ACCESS_KEY: text(1, 'a secret access key'),
    KURA_S3_PREFIX: z.string().optional().describe('a key prefix such as media/'),
    KURA_S3_PUBLIC_URL: httpUrl(),
    KURA_S3_FIX_FILE_NAMES: onOff(),
    // 1: Kura is behind a proxy, and the client address is the first X-Forwarded-For hop (else the socket's).
    KURA_TRUST_PROXY: onOff(),
    KURA_SESSION_DAYS: days(0.001, 3650, 14),
    // Retention: activity entries, and finished webhook deliveries with their attempts.
    KURA_ACTIVITY_DAYS: days(1, 36_500, 180),
    KURA_DELIVERY_DAYS: days(1, 36_500, 30),
    // Deleted media waits in Trash this long before the sweeper deletes it for good (fractions for tests).
    KURA_TRASH_DAYS: days(0.00001, 36_500, 30),
    // Earlier bytes a re-upload keeps per media (0: none).
    KURA_KEEP_VERSIONS: wholeNumber(0, 1000, 10),
    // Webhook URLs and S3 endpoints entered in the UI may be loopback, link-local or private (tests, lab setups).
    KURA_ALLOW_PRIVATE_TARGETS: onOff(),
    // How often the storage sweeper retries removals that failed (and clears abandoned uploads).
    KURA_SWEEP_EVERY_MS: wholeNumber(100, null, 10 * 60 * 1000),
    // Usage counters (lib/usage/): how often the counts in memory are written; 0 turns counting off (a bench knob).
    KURA_USAGE_FLUSH_MS: wholeNumber(100, 3_600_000, 5000),
    KURA_COUNT_USAGE: z
      .enum(['0', '1'])
      .default('1')
      .transform((v) => v === '1')
      .describe('1 or 0 (0 only to measure what counting costs: bench/usage.mjs)'),
    // next.config.ts reads it at start: Next's own image optimizer on /assets/** for bench/image-api.mjs.
    KURA_BENCH: onOff(),
    // Private, for tests: Node's request timeout for non-upload routes, and the window of the upload minimum rate.
    KURA_REQUEST_TIMEOUT_MS: wholeNumber(0, null, 5 * 60 * 1000),
    KURA_UPLOAD_MIN_RATE_WINDOW_MS: wholeNumber(100, null, 60 * 1000),
  })
  .superRefine(
    (env, ctx) => {
      // Several instances share one PostgreSQL database: each must sign sessions and seal secrets with one key.
      if (env.KURA_DATABASE_URL && !env.AUTH_SECRET)
        ctx.addIssue({
          code: 'custom',
          path: ['AUTH_SECRET'],
          message:
            'not set; with KURA_DATABASE_URL it must be given (at least 16 characters, the same on every instance)',
        });
      if (env.KURA_DELIVERY_PORT !== undefined && env.KURA_DELIVERY_PORT === env.PORT)
        ctx.addIssue({
          code: 'custom',
          path: ['KURA_DELIVERY_PORT'],
          message: 'the same as PORT; the delivery listener needs a port of its own',
        });
    },
    { when: () => true },
  );

/** Names of the variables above: anything else starting with KURA_ is a typo or a leftover. */
export const knownVariables = new Set(Object.keys(envSchema.shape));

/** One line per refused variable (`NAME: what is wrong; accepted: …`), empty when the environment is valid. */
export function environmentProblems(source: NodeJS.ProcessEnv = process.env): string[] {
  const parsed = envSchema.safeParse(source);
  return parsed.success ? [] : configProblems(envSchema, parsed.error);
}

export type Config = z.infer<typeof envSchema> & {
  dataDir: string;
  publicUrl: string;
  /** The origin of delivery URLs: KURA_DELIVERY_URL, else the public URL. */
  deliveryUrl: string;
  /** The origin of delivery URLs of files that are not images: KURA_FILES_URL, else `deliveryUrl`. */
  filesUrl: string;
};

let cached: Config | undefined;

/** The environment, parsed once; a bad value stops the server with one line per refused variable. */
export function config(): Config {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid configuration:\n${configProblems(envSchema, parsed.error).join('\n')}`);
  }
  const c = parsed.data;
  const origin = (url: string) => url.replace(/\/+$/, ''); // a trailing slash is not doubled in URLs
  const publicUrl = origin(c.KURA_PUBLIC_URL ?? `http://localhost:${c.PORT}`);
  const deliveryUrl = c.KURA_DELIVERY_URL ? origin(c.KURA_DELIVERY_URL) : publicUrl;
  cached = {
    ...c,
    dataDir: path.resolve(c.KURA_DATA_DIR),
    publicUrl,
    deliveryUrl,
    filesUrl: c.KURA_FILES_URL ? origin(c.KURA_FILES_URL) : deliveryUrl,
  };
  return cached;
}
