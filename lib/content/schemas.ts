import { z } from 'zod';
import { API_KINDS } from '@/db/enums';

export { API_KINDS };
export type ApiKind = (typeof API_KINDS)[number];

export const FIELD_KINDS = [
  'text',
  'textArea',
  'richEditor',
  'image',
  'multipleImages',
  'file',
  'number',
  'boolean',
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export const FIELD_KIND_LABELS: Record<FieldKind, string> = {
  text: 'Text',
  textArea: 'Text area',
  richEditor: 'Rich editor',
  image: 'Image',
  multipleImages: 'Multiple images',
  file: 'File',
  number: 'Number',
  boolean: 'Yes / no',
};

/** Longest value of each text kind, in characters. */
export const TEXT_LIMITS = { text: 2_000, textArea: 100_000, richEditor: 1_000_000 } as const;
export const MAX_IMAGES_PER_FIELD = 100;
export const MAX_FIELDS = 50;

/** Names a content object carries besides its fields (microCMS's system fields). */
export const SYSTEM_FIELDS = ['id', 'createdAt', 'updatedAt', 'publishedAt', 'revisedAt'] as const;

/** Endpoints that cannot name an API: `media` is the media API, the others are admin paths. */
export const RESERVED_ENDPOINTS = ['media', 'new', 'settings'];

const imageSize = z.object({
  width: z.number().int('Width must be a whole number').min(1, 'Width must be at least 1').max(100_000),
  height: z.number().int('Height must be a whole number').min(1, 'Height must be at least 1').max(100_000),
});

export const apiField = z
  .object({
    id: z
      .string()
      .regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/, 'A field id starts with a letter and has at most 40 letters, digits or _')
      .refine(
        (id) => !(SYSTEM_FIELDS as readonly string[]).includes(id) && !(id in Object.prototype),
        'This field id is reserved',
      ),
    name: z.string().trim().min(1, 'Give the field a name').max(60, 'A field name has at most 60 characters'),
    kind: z.enum(FIELD_KINDS, 'Choose a field kind'),
    required: z.boolean().default(false),
    /** Image fields only: the exact size every image must have. */
    imageSize: imageSize.optional(),
  })
  .refine((f) => !f.imageSize || f.kind === 'image' || f.kind === 'multipleImages', {
    message: 'Only image fields can require a size',
    path: ['imageSize'],
  });
export type ApiField = z.infer<typeof apiField>;

export const apiEndpoint = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_-]{1,31}$/,
    'An endpoint has 2–32 lowercase letters, digits, - or _, starting with a letter or digit',
  )
  .refine((e) => !RESERVED_ENDPOINTS.includes(e), {
    error: (issue) => `"${String(issue.input)}" is reserved and cannot name an API`,
  });

export const apiFields = z
  .array(apiField)
  .min(1, 'An API needs at least one field')
  .max(MAX_FIELDS, `An API has at most ${MAX_FIELDS} fields`)
  .superRefine((fields, ctx) => {
    const seen = new Set<string>();
    fields.forEach((f, i) => {
      if (seen.has(f.id))
        ctx.addIssue({ code: 'custom', message: `The field id "${f.id}" is used twice`, path: [i, 'id'] });
      seen.add(f.id);
    });
  });

export const apiName = z.string().trim().min(1, 'Give the API a name').max(60, 'An API name has at most 60 characters');

/** A list API holds many items; an object API one (a site's settings, a landing page). */
export const apiKind = z.enum(API_KINDS, 'Choose list or object');

export const createApiInput = z.object({
  endpoint: apiEndpoint,
  name: apiName,
  kind: apiKind.default('list'),
  fields: apiFields,
});
export const updateApiInput = z.object({ endpoint: apiEndpoint, name: apiName, fields: apiFields });

/** A field's value in stored or submitted data: own properties only, never `Object.prototype`'s. */
export const valueOf = (data: Record<string, unknown>, fieldId: string): unknown =>
  Object.hasOwn(data, fieldId) ? data[fieldId] : undefined;

export const contentId = z.string().regex(/^[a-z0-9_-]{1,64}$/, 'Not a content id');

/** An id chosen by the writer (`PUT /api/v1/{api}/{id}`): microCMS's rule, 1–50 of a-z, 0-9, - and _. */
export const chosenContentId = z
  .string()
  .regex(/^[a-z0-9_-]{1,50}$/, 'A content id has 1–50 lowercase letters, digits, - or _');
