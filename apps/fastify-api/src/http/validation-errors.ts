import type { FastifySchemaValidationError } from 'fastify/types/schema';
import type { FieldError } from './problem';

interface ZodIssueParams {
  keys?: string[];
}

// The path is empty for the body itself, else starts with a slash: `/a/b` is `a.b`.
const toPath = (instancePath: string) => instancePath.slice(1).replaceAll('/', '.');

/**
 * Fastify's validation errors (made by the zod validator compiler) as the contract's
 * `errors` entries: `{ path: "email", message }`. An unknown field is reported at its own
 * path rather than at the object that holds it.
 */
export function toFieldErrors(validation: FastifySchemaValidationError[]): FieldError[] {
  return validation.flatMap((error) => {
    const path = toPath(error.instancePath);
    const { keys } = error.params as ZodIssueParams;
    // Only zod's unrecognized_keys issue has keys: one field error each.
    if (keys) {
      return keys.map((key) => ({
        path: path ? `${path}.${key}` : key,
        message: 'Unknown field.',
      }));
    }
    return [{ path, message: error.message ?? 'Is invalid.' }];
  });
}
