import type { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';

const UNIQUE_VIOLATION = '23505';

/** The name of the unique constraint a write broke, or undefined for any other error. */
export function violatedUniqueConstraint(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  // What node-postgres threw, kept as it was by TypeORM.
  const { code, constraint } = error.driverError as DatabaseError;
  return code === UNIQUE_VIOLATION ? constraint : undefined;
}
