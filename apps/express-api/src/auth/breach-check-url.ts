import { z } from 'zod';

const parsed = (value: string) => (URL.canParse(value) ? new URL(value) : undefined);

/**
 * PASSWORD_BREACH_CHECK_URL: the range API's base. Each refusal here is a value that would turn
 * the check off in silence, on every registration: fetch refuses a URL with credentials, and
 * `/range/<prefix>` added after a query or a fragment never reaches the service's path. A path
 * is allowed (a mirror or proxy may serve the API below one); a trailing `/` is dropped when
 * the checker joins it.
 */
export const breachCheckUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
  .refine(
    (value) => !parsed(value)?.username && !parsed(value)?.password,
    'must not hold a user name or password',
  )
  .refine(
    (value) => !/[?#]/.test(value),
    'must not have a query or a fragment: the checker adds /range/<prefix> to its path',
  );
