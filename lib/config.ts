import 'server-only';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_DATA_DIR } from '@/db/data-dir';
import { emailAddress } from '@/lib/auth/email';

const env = z.object({
  PORT: z.coerce.number().int().positive().default(3000),
  KURA_DATA_DIR: z.string().min(1).default(DEFAULT_DATA_DIR),
  KURA_PUBLIC_URL: z.url().optional(),
  KURA_ADMIN_EMAIL: emailAddress.optional(),
  KURA_ADMIN_PASSWORD: z
    .string()
    .min(12, 'KURA_ADMIN_PASSWORD must be at least 12 characters, like every password')
    .optional(),
  KURA_API_KEY: z.string().min(16, 'KURA_API_KEY must be at least 16 characters').optional(),
  AUTH_SECRET: z.string().min(16).optional(),
  KURA_MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 ** 3),
  KURA_MAX_INPUT_PIXELS: z.coerce.number().int().positive().default(100_000_000),
  // Uploads (and variant files) never leave less than this free on the data directory's disk.
  KURA_MIN_FREE_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .default(512 * 1024 ** 2),
  // Image API: encodes at once (about the core count), requests waiting beyond them before 503, disk cache bound.
  KURA_IMAGE_RENDERS: z.coerce.number().int().min(1).max(64).default(os.availableParallelism()),
  KURA_IMAGE_QUEUE: z.coerce.number().int().min(0).max(10_000).default(32),
  KURA_IMAGE_CACHE_BYTES: z.coerce
    .number()
    .int()
    .min(1024 * 1024)
    .default(2 * 1024 ** 3),
  // Image API hardening: largest output (width × height × frames), distinct variants per media, imgix signatures.
  KURA_MAX_OUTPUT_PIXELS: z.coerce
    .number()
    .int()
    .positive()
    .default(8192 * 8192),
  KURA_MAX_VARIANTS_PER_MEDIA: z.coerce.number().int().min(1).default(200),
  KURA_IMAGE_CACHE_ENTRIES: z.coerce.number().int().min(16).default(200_000),
  KURA_IMAGE_SIGNING_TOKEN: z.string().min(8, 'KURA_IMAGE_SIGNING_TOKEN must be at least 8 characters').optional(),
  KURA_MAX_TAGS_PER_MEDIA: z.coerce.number().int().min(1).max(1000).default(10),
  KURA_MAX_TAGS: z.coerce.number().int().min(1).max(100_000).default(100),
  KURA_DEMO: z
    .enum(['0', '1', 'true', 'false'], 'KURA_DEMO must be 1 or 0')
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  KURA_MEDIA_WEBHOOK_URL: z
    .url({ protocol: /^https?$/, error: 'KURA_MEDIA_WEBHOOK_URL must be an http(s) URL' })
    .optional(),
  KURA_WEBHOOK_SECRET: z.string().min(16, 'KURA_WEBHOOK_SECRET must be at least 16 characters').optional(),
  KURA_CACHE_CONTROL: z.string().min(1).default('public, max-age=60, stale-while-revalidate=86400'),
  // Amazon S3 or an S3-compatible endpoint (SPEC §6): with KURA_S3_BUCKET set, new uploads go to the bucket.
  KURA_S3_BUCKET: z.string().trim().min(3, 'KURA_S3_BUCKET must be a bucket name').optional(),
  KURA_S3_REGION: z.string().trim().min(1).optional(),
  KURA_S3_ENDPOINT: z.url({ protocol: /^https?$/, error: 'KURA_S3_ENDPOINT must be an http(s) URL' }).optional(),
  KURA_S3_FORCE_PATH_STYLE: z
    .enum(['0', '1', 'true', 'false'], 'KURA_S3_FORCE_PATH_STYLE must be 1 or 0')
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  KURA_S3_ACCESS_KEY_ID: z.string().trim().min(1).optional(),
  KURA_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  KURA_S3_PREFIX: z.string().optional(),
  KURA_S3_PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'KURA_S3_PUBLIC_URL must be an http(s) URL' }).optional(),
  KURA_S3_FIX_FILE_NAMES: z
    .enum(['0', '1', 'true', 'false'], 'KURA_S3_FIX_FILE_NAMES must be 1 or 0')
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  // 1: Kura is behind a proxy, and the client address is the first X-Forwarded-For hop (else the socket's).
  KURA_TRUST_PROXY: z
    .enum(['0', '1', 'true', 'false'], 'KURA_TRUST_PROXY must be 1 or 0')
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  KURA_SESSION_DAYS: z.coerce
    .number()
    .min(0.001, 'KURA_SESSION_DAYS must be a positive number of days')
    .max(3650)
    .default(14),
  // Retention: activity entries, and finished webhook deliveries with their attempts.
  KURA_ACTIVITY_DAYS: z.coerce.number().min(1, 'KURA_ACTIVITY_DAYS must be at least 1').max(36_500).default(180),
  KURA_DELIVERY_DAYS: z.coerce.number().min(1, 'KURA_DELIVERY_DAYS must be at least 1').max(36_500).default(30),
  // Webhook URLs and S3 endpoints entered in the UI may be loopback, link-local or private (tests, lab setups).
  KURA_ALLOW_PRIVATE_TARGETS: z
    .enum(['0', '1', 'true', 'false'], 'KURA_ALLOW_PRIVATE_TARGETS must be 1 or 0')
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  // How often the storage sweeper retries removals that failed (and clears abandoned uploads).
  KURA_SWEEP_EVERY_MS: z.coerce
    .number()
    .int()
    .min(100)
    .default(10 * 60 * 1000),
  // Private, for tests: Node's request timeout for non-upload routes, and the window of the upload minimum rate.
  KURA_REQUEST_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(5 * 60 * 1000),
  KURA_UPLOAD_MIN_RATE_WINDOW_MS: z.coerce
    .number()
    .int()
    .min(100)
    .default(60 * 1000),
});

export type Config = z.infer<typeof env> & { dataDir: string; publicUrl: string };

let cached: Config | undefined;

/** The environment, parsed once; a bad value stops the server with a message naming the variable. */
export function config(): Config {
  if (cached) return cached;
  const parsed = env.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment variable ${issue.path.join('.')}: ${issue.message}`);
  }
  const c = parsed.data;
  cached = {
    ...c,
    dataDir: path.resolve(c.KURA_DATA_DIR),
    publicUrl: (c.KURA_PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, ''),
  };
  return cached;
}
