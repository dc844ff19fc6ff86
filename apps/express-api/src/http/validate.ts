import { z } from 'zod';
import { ValidationError, type FieldError } from './errors';

function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    // One entry per unknown field, so the client sees which ones to drop.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: key, message: 'Unknown field.' }));
    }
    return [{ path: issue.path.map(String).join('.'), message: issue.message }];
  });
}

/** Parses request input with a zod schema, or throws a 400 that lists every problem. */
export function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(fieldErrors(result.error));
  return result.data;
}

// Any 8-4-4-4-12 hex string, as PostgreSQL's uuid type takes it, in the lower case the database
// returns: compared as written, `ABC…` would not be the caller's own `abc…` (docs/hardening/security.md).
const idSchema = z.guid().toLowerCase();

/** A path id: a malformed one is the client's mistake (400), never a query. */
export function parseId(value: unknown): string {
  const result = idSchema.safeParse(value);
  if (!result.success) throw new ValidationError([{ path: 'id', message: 'Must be a UUID.' }]);
  return result.data;
}
