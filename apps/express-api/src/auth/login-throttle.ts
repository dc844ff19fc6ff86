import type { Clock } from '../clock';
import { TooManyRequestsError } from '../http/errors';
import type { Database, Repositories } from '../db/database';
import type { FailureScope } from './login-attempt.repository';

// The contract: 5 failed attempts for one email from one client within 15 minutes.
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;

interface ThrottleRule {
  scope: (email: string, clientIp: string) => FailureScope;
  maxFailures: number;
  windowMs: number;
}

/**
 * Each failure counts toward three rules; an attempt is refused while any of them is full.
 * - one email from one client: the contract's 5 in 15 minutes;
 * - one client across emails (password spraying): 20 in 15 minutes;
 * - one email across clients (guessing from many addresses): 10 in 5 minutes. More than one
 *   client's five, so no single address can lock an account; and short, so a stranger who
 *   does lock it with several addresses locks it for minutes, and must keep paying to keep it.
 */
export const THROTTLE_RULES: readonly ThrottleRule[] = [
  {
    scope: (email, clientIp) => ({ email, clientIp }),
    maxFailures: MAX_FAILURES,
    windowMs: WINDOW_MS,
  },
  { scope: (_email, clientIp) => ({ clientIp }), maxFailures: 20, windowMs: 15 * 60 * 1000 },
  { scope: (email) => ({ email }), maxFailures: 10, windowMs: 5 * 60 * 1000 },
];

/** No rule looks further back: older rows are pruned, whoever they belong to. */
const LONGEST_WINDOW_MS = Math.max(...THROTTLE_RULES.map((rule) => rule.windowMs));

/**
 * Login throttling on failed attempts. Attempts live in the database, so the limits hold
 * across processes and restarts; time comes from the injected clock.
 *
 * An attempt is counted before its password is checked, not after: checking takes a while
 * (Argon2), and attempts sent at once would otherwise all see the same past failures and
 * all get through. Counting and recording happen under locks on the client and on the email,
 * so no rule lets one attempt too many through however many arrive together
 * (docs/hardening/concurrency.md).
 */
export class LoginThrottle {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** Records an attempt as a failure, or throws 429 while any rule is full. */
  async claimAttempt(email: string, clientIp: string): Promise<string> {
    const now = this.clock.now();
    // Outside the locked transaction: pruning other pairs' rows must not make them wait.
    await this.db.repos.loginAttempts.deleteBefore(new Date(now.getTime() - LONGEST_WINDOW_MS));
    return this.db.transaction(async ({ loginAttempts }) => {
      // Always the client first, then the email: one order, so two attempts never deadlock.
      // Stryker disable StringLiteral: the keys name which attempts wait for each other, which no answer shows (one key for all would be correct, only slower)
      await loginAttempts.lock(`login-client:${clientIp}`);
      await loginAttempts.lock(`login-email:${email}`);
      // Stryker restore StringLiteral
      const waitMs = await this.waitMs(loginAttempts, email, clientIp, now);
      if (waitMs > 0) {
        throw new TooManyRequestsError(
          'Too many failed login attempts. Try again later.',
          Math.max(1, Math.ceil(waitMs / 1000)),
        );
      }
      return loginAttempts.recordFailure(email, clientIp, now);
    });
  }

  /** How long until every rule has room again: 0 when one more attempt may go on now. */
  private async waitMs(
    attempts: Repositories['loginAttempts'],
    email: string,
    clientIp: string,
    now: Date,
  ): Promise<number> {
    let waitMs = 0;
    for (const rule of THROTTLE_RULES) {
      const since = new Date(now.getTime() - rule.windowMs);
      const scope = rule.scope(email, clientIp);
      // The rule has room once its max-th newest failure has aged out of the window.
      const blocking = await attempts.nthNewestFailure(scope, rule.maxFailures, since);
      if (blocking) waitMs = Math.max(waitMs, blocking.getTime() + rule.windowMs - now.getTime());
    }
    return waitMs;
  }

  /** The password was right: the attempt was no failure. */
  release(attemptId: string): Promise<void> {
    return this.db.repos.loginAttempts.remove(attemptId);
  }

  /** Signed in: the pair starts afresh. */
  reset(email: string, clientIp: string): Promise<void> {
    return this.db.repos.loginAttempts.clear(email, clientIp);
  }
}
