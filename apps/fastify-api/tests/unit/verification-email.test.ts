// Unit test: the verification email, word for word, as the person who registered reads it.
// See docs/fastify-api.md.
import { verificationEmail } from '../../src/mail/verification-email';

describe('verificationEmail', () => {
  it('greets, gives the link with the token in its query, says it lasts 24 hours, and where to POST the token instead', () => {
    const message = verificationEmail('a@example.test', 'abc-123', 'https://app.example.test/');

    expect(message).toEqual({
      to: 'a@example.test',
      subject: 'Verify your email address',
      text: `Welcome!

Open this link to verify your email address (it expires in 24 hours):
https://app.example.test/verify-email?token=abc-123

Or POST the token to /api/auth/verify-email.`,
    });
  });
});
