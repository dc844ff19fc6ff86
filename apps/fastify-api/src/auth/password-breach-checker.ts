import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { breachCount } from './pwned-range-response';

/** Where and how long to ask; undefined when PASSWORD_BREACH_CHECK=off. */
export interface BreachCheckConfig {
  /** The range API's base: `https://api.pwnedpasswords.com`. */
  url: string;
  timeoutMs: number;
}

/** The dispatcher Node's fetch takes: tests hand in one that answers for the internet. */
export type FetchDispatcher = NonNullable<RequestInit['dispatcher']>;

export interface PasswordBreachChecker {
  /**
   * True when the password is in a known breach. False when it is not, and also when the
   * service could not say: that is logged as `password_check_unavailable` and the caller goes on.
   */
  isBreached(password: string): Promise<boolean>;
}

type Reason = 'timeout' | 'network_error' | 'http_status' | 'malformed_response';

class CheckUnavailable extends Error {
  constructor(
    readonly reason: Reason,
    /** Worth one more try: the connection failed, or the service said 5xx. */
    readonly retryable: boolean,
    readonly status?: number,
  ) {
    super(reason);
  }
}

/** The same string the hasher hashes (NFC), as uppercase hex: 5 characters leave, 35 stay. */
function sha1Hex(password: string): string {
  return createHash('sha1').update(password.normalize('NFC')).digest('hex').toUpperCase();
}

// A timeout is not retried: a service that did not answer within the limit is unlikely to in the
// next one. The limit covers both attempts anyway (one deadline, see isBreached).
function failureOf(error: unknown): CheckUnavailable {
  if (error instanceof CheckUnavailable) return error;
  // Stryker disable next-line OptionalChaining: equivalent, fetch and the parser never throw null; the `?.` only keeps a thrown null from crashing the check
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError') return new CheckUnavailable('timeout', false);
  if (name === 'MalformedRangeResponseError')
    return new CheckUnavailable('malformed_response', false);
  return new CheckUnavailable('network_error', true);
}

/**
 * A padded range answer is some 40 kB; the largest real one stays under 100 kB. Anything far
 * beyond is not a range, and reading it all would let a broken or hostile service (the URL is
 * configurable) fill the app's memory within the timeout.
 */
export const MAX_RANGE_BYTES = 1024 * 1024;

async function cappedText(body: ReadableStream<Uint8Array> | null): Promise<string> {
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, fetch gives a 200 a body stream (empty or not); null is for statuses refused before this
  if (!body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > MAX_RANGE_BYTES) {
      // Leaving the loop early cancels the stream: the rest is never downloaded.
      throw new CheckUnavailable('malformed_response', false);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function fetchRange(url: string, deadline: AbortSignal, dispatcher?: FetchDispatcher) {
  const response = await fetch(url, {
    headers: { 'Add-Padding': 'true' },
    signal: deadline,
    // The real service never redirects: one means a wrong URL or a hijacked host, and following
    // it could send the prefix elsewhere, even over http. It ends as `http_status`, not retried.
    redirect: 'manual',
    ...(dispatcher ? { dispatcher } : {}),
  });
  if (response.status !== 200) {
    await response.body?.cancel();
    throw new CheckUnavailable('http_status', response.status >= 500, response.status);
  }
  return cappedText(response.body);
}

// Stryker disable next-line ArrowFunction: equivalent, every caller awaits the answer in an `if`, where undefined is as false as false
const disabled: PasswordBreachChecker = { isBreached: () => Promise.resolve(false) };

/**
 * The Pwned Passwords range API (k-anonymity): only the first 5 hex characters of the
 * password's SHA-1 leave the app. At most one retry; when the service cannot say, the check
 * fails open (docs/external-services.md) and logs why, never anything about the password.
 */
export function createPasswordBreachChecker(
  config: BreachCheckConfig | undefined,
  deps: { logger: FastifyBaseLogger; dispatcher?: FetchDispatcher | undefined },
): PasswordBreachChecker {
  if (!config) return disabled;
  const base = config.url.replace(/\/+$/, '');
  const ask = async (prefix: string, suffix: string, deadline: AbortSignal) =>
    breachCount(await fetchRange(`${base}/range/${prefix}`, deadline, deps.dispatcher), suffix);
  return {
    async isBreached(password) {
      const hash = sha1Hex(password);
      const [prefix, suffix] = [hash.slice(0, 5), hash.slice(5)];
      // One deadline for the check, retry included: a registration waits at most the timeout.
      const deadline = AbortSignal.timeout(config.timeoutMs);
      let attempts = 0;
      for (;;) {
        attempts += 1;
        try {
          return (await ask(prefix, suffix, deadline)) > 0;
        } catch (error) {
          const failure = failureOf(error);
          if (failure.retryable && attempts < 2) continue;
          const { reason, status } = failure;
          deps.logger.warn({ event: 'password_check_unavailable', reason, status, attempts });
          return false;
        }
      }
    },
  };
}
