import type { FastifySchemaValidationError } from 'fastify/types/schema';
import type { FieldError } from './problem';

interface ZodIssueParams {
  keys?: string[];
}

const toPath = (instancePath: string) => instancePath.replace(/^\//, '').replaceAll('/', '.');

/**
 * Fastify's validation errors (made by the zod validator compiler) as the contract's
 * `errors` entries: `{ path: "email", message }`. An unknown field is reported at its own
 * path rather than at the object that holds it.
 */
export function toFieldErrors(validation: FastifySchemaValidationError[]): FieldError[] {
  return validation.flatMap((error) => {
    const path = toPath(error.instancePath);
    const { keys } = error.params as ZodIssueParams;
    if (error.keyword === 'unrecognized_keys' && keys) {
      return keys.map((key) => ({
        path: path ? `${path}.${key}` : key,
        message: 'Unknown field.',
      }));
    }
    return [{ path, message: error.message ?? 'is invalid' }];
  });
}
