// Engine errors the domain reacts to, named once for both engines. drizzle wraps a driver's error in its
// own (the driver's is the `cause`), so both places are looked at.

const codeOf = (err: unknown): string | undefined => {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === 'string' ? code : undefined;
};

/** A unique index refused the write (a name or key already taken). */
export const isUniqueViolation = (err: unknown): boolean =>
  ['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY', '23505'].includes(codeOf(err) ?? '');

/** PostgreSQL asks for the transaction to run again: a serialization failure or a deadlock. */
export const isSerializationFailure = (err: unknown): boolean => ['40001', '40P01'].includes(codeOf(err) ?? '');

/**
 * A unique or foreign-key check that may have failed because another transaction committed meanwhile (READ
 * COMMITTED sees that commit only in the next statement). Run once more, the transaction's own checks see the
 * other's rows and answer as they would have alone (the media is gone, the name is taken, content uses it); a
 * second failure is a real violation.
 */
export const isConstraintRace = (err: unknown): boolean => ['23503', '23505'].includes(codeOf(err) ?? '');
