import type { z } from 'zod';

/** A 201 response: the created resource, and where it lives in `Location`. */
export function createdResponse<Schema extends z.ZodType>(schema: Schema) {
  return {
    description: 'Created',
    headers: { Location: { type: 'string' } },
    content: { 'application/json': { schema } },
  } as const;
}
