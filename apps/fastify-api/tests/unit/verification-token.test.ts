// Unit tests: verification tokens are random, long enough, and stored only as a hash.
// See docs/fastify-api.md.
import { hashToken, newVerificationToken } from '../../src/auth/verification-token';
import { verificationEmail } from '../../src/mail/verification-email';

describe('verification tokens', () => {
  it('carry at least 128 random bits, URL-safe', () => {
    const { token } = newVerificationToken();

    expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    expect(token).toMatch(/^[\w-]+$/);
  });

  it('are new each time, and their stored form is a SHA-256 hex digest', () => {
    const [first, second] = [newVerificationToken(), newVerificationToken()];

    expect(first.token).not.toBe(second.token);
    expect(first.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.tokenHash).toBe(hashToken(first.token));
  });

  it('travel in the email as the token query parameter of the link', () => {
    const message = verificationEmail('a@example.test', 'abc-123', 'https://app.example.test/');

    expect(message.text).toContain('https://app.example.test/verify-email?token=abc-123');
  });
});
