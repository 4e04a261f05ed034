import { ZodError } from 'zod';

export type ErrorCode =
  | 'bad_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unprocessable'
  | 'too_many'
  | 'unavailable'
  | 'insufficient_storage'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unprocessable: 422,
  too_many: 429,
  unavailable: 503,
  insufficient_storage: 507,
  internal: 500,
};

// Next bundles each route group with its own copy of this module, and process-wide objects (storages)
// may be built by another bundle: `instanceof KuraError` recognises any bundle's KuraError by this brand.
const BRAND = Symbol.for('kura.KuraError');

/** The one error type of the domain: a user-facing message and the HTTP status it maps to. */
export class KuraError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.status = STATUS[code];
    Object.defineProperty(this, BRAND, { value: true });
  }

  static [Symbol.hasInstance](value: unknown): boolean {
    // Subclasses keep the ordinary prototype check; KuraError itself also accepts other bundles' errors.
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    return (
      this === KuraError &&
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[BRAND] === true
    );
  }
}

export const badRequest = (message: string) => new KuraError('bad_request', message);
export const unauthenticated = (message = 'Log in or send an API key') => new KuraError('unauthenticated', message);
export const forbidden = (message: string) => new KuraError('forbidden', message);
export const notFound = (message = 'Not found') => new KuraError('not_found', message);

/** What a full disk answers, whatever the write that hit it (a file, a temp file, the database). */
export const STORAGE_FULL =
  "The server's storage is full: nothing was saved. Free some space on the server (or ask an Administrator to) " +
  'and try again';
export const storageFull = (message = STORAGE_FULL) => new KuraError('insufficient_storage', message);

// ENOSPC/EDQUOT from the file system, SQLITE_FULL from SQLite, disk_full (53100) from PostgreSQL; drizzle and
// stream pipelines wrap the driver's error, so the causes are looked at too.
const FULL = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL', '53100']);

/** Whether `err` (or what caused it) says a disk or quota is full. */
export function isStorageFull(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 8; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && FULL.has(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Any thrown value as `{ status, message }`: zod → 400 with its first issue, a full disk → 507, unknown → 500
 * (logged, never leaked).
 */
export function describeError(err: unknown): { status: number; message: string } {
  if (err instanceof KuraError) return { status: err.status, message: err.message };
  if (isStorageFull(err)) {
    console.error('[kura] storage full', err instanceof Error ? err.message : err);
    return { status: 507, message: STORAGE_FULL };
  }
  if (err instanceof ZodError) {
    const issue = err.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    return { status: 400, message: `${where}${issue?.message ?? 'Invalid input'}` };
  }
  console.error('[kura] internal error', err);
  return { status: 500, message: 'Internal error' };
}

/** The HTTP form of {@link describeError}: `{"message": ...}` with the mapped status. */
export function toResponse(err: unknown): Response {
  const { status, message } = describeError(err);
  return Response.json({ message }, { status });
}
