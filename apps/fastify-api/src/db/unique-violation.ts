const UNIQUE_VIOLATION = '23505';

interface PgError {
  code?: unknown;
  constraint?: unknown;
}

/**
 * Whether an error is PostgreSQL's unique violation of the named constraint. Drizzle wraps
 * driver errors (the pg error is its `cause`), so both levels are looked at.
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    const { code, constraint: name } = current as PgError;
    if (code === UNIQUE_VIOLATION) return name === constraint;
  }
  return false;
}
