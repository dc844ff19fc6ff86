// Unit test of EmailVerifier.consume with the repository stubbed: AuthService checks for a
// missing user afterwards too, so over HTTP that later check hides whether this one refuses.
// See docs/fastify-api.md.
import { FakeClock, FakeMailer } from '@testbed/test-utils';
import { InvalidVerificationTokenError } from '../../src/auth/auth.errors';
import type { EmailVerificationRepository } from '../../src/auth/email-verification.repository';
import { EmailVerifier } from '../../src/auth/email-verifier';
import type { Executor } from '../../src/db/database';
import { RateLimiter } from '../../src/http/rate-limiter';
import { createLogger } from '../../src/logger';

describe('EmailVerifier.consume', () => {
  it('refuses a token the repository finds no unused, unexpired record for', async () => {
    const verifications = {
      consume: () => Promise.resolve(undefined),
    } as unknown as EmailVerificationRepository;
    const clock = new FakeClock('2030-01-01T00:00:00.000Z');
    const log = createLogger('silent');
    const emailsPerAccount = new RateLimiter(
      {
        name: 'verification_emails',
        limit: { max: 5, windowSeconds: 3600 },
        keyField: 'userId',
        detail: '',
      },
      clock,
      log,
    );
    const verifier = new EmailVerifier(
      verifications,
      new FakeMailer(),
      clock,
      'http://localhost',
      log,
      emailsPerAccount,
    );

    const consuming = verifier.consume('unknown-token', {} as Executor);

    await expect(consuming).rejects.toBeInstanceOf(InvalidVerificationTokenError);
  });
});
