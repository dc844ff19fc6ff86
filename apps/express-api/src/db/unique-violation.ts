import { QueryFailedError } from 'typeorm';

/** The name of the unique constraint a write broke, or undefined for any other error. */
export function violatedUniqueConstraint(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError = error.driverError as { code?: unknown; constraint?: unknown };
  if (driverError.code !== '23505') return undefined;
  return typeof driverError.constraint === 'string' ? driverError.constraint : '';
}
