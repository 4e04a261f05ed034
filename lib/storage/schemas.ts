import { z } from 'zod';

const httpUrl = (example: string) =>
  z.union([
    z.literal(''),
    z
      .string()
      .trim()
      .pipe(z.url({ protocol: /^https?$/, error: `an http(s) URL such as ${example}, or empty` })),
  ]);

/** The S3 fields of Media settings → Storage; the secret may be left empty to keep the stored one. */
export const s3Fields = z.object({
  bucket: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, '3–63 lowercase letters, digits, dots and hyphens, e.g. my-media'),
  region: z
    .string()
    .trim()
    .min(1, 'required, e.g. us-east-1 (S3-compatible servers often accept any)')
    .max(50, 'at most 50 characters'),
  endpoint: httpUrl('https://s3.example.com (empty for Amazon S3)'),
  forcePathStyle: z.boolean(),
  credentials: z.enum(['keys', 'default'], 'access keys or the default credential chain'),
  accessKeyId: z.string().trim().max(128, 'at most 128 characters'),
  secretAccessKey: z.string().max(256, 'at most 256 characters'),
  prefix: z
    .string()
    .trim()
    .max(200, 'at most 200 characters')
    .refine((p) => !p.includes('..') && !p.includes('//'), 'no ".." and no empty folder ("//")')
    .transform((p) => p.replace(/^\/+/, '').replace(/([^/])$/, '$1/')),
  publicUrl: httpUrl('https://media.example.com'),
  fixFileNames: z.boolean(),
});
export type S3Fields = z.infer<typeof s3Fields>;
