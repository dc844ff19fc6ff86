import type { FastifySchemaValidationError } from 'fastify/types/schema';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';

/** The validation errors Fastify would hand the error handler for this input. */
export function createValidationError(
  schema: z.ZodType,
  input: unknown,
): FastifySchemaValidationError[] {
  const validate = validatorCompiler({ schema, method: 'POST', url: '/', httpPart: 'body' });
  const result = validate(input) as { error?: FastifySchemaValidationError[] };
  return result.error ?? [];
}
