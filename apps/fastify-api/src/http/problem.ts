import { STATUS_CODES } from 'node:http';
import { z } from 'zod';

export const FieldErrorSchema = z.object({ path: z.string(), message: z.string() });

/** RFC 9457 problem details, the body of every error response. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(FieldErrorSchema).optional(),
  })
  .meta({ id: 'Problem' });

export type Problem = z.infer<typeof ProblemSchema>;
export type FieldError = z.infer<typeof FieldErrorSchema>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problem(status: number, detail: string, errors?: FieldError[]): Problem {
  return {
    type: 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    ...(errors ? { errors } : {}),
  };
}

const PROBLEM_RESPONSE = {
  description: 'A problem (RFC 9457)',
  content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
};

/**
 * Response schemas for the error statuses a route can answer with: they document the
 * problem+json body in the OpenAPI document, and serialize it like any other response.
 * Any route can fail unexpectedly, so 500 is always among them.
 */
export function problemResponses<Status extends number>(...statuses: Status[]) {
  return Object.fromEntries(
    [...statuses, 500].map((status) => [status, PROBLEM_RESPONSE]),
  ) as Record<Status | 500, typeof PROBLEM_RESPONSE>;
}

/** The 400 of a route that sets a password: the breached-password check answers with it too. */
export const PASSWORD_400 =
  'Invalid input, or a password known from a data breach (a field error on `password`)';

/** problemResponses of a route that sets a password, its 400 described as such. */
export function passwordProblemResponses<Status extends number>(...statuses: Status[]) {
  return {
    ...problemResponses(...statuses),
    400: { ...PROBLEM_RESPONSE, description: PASSWORD_400 },
  };
}
