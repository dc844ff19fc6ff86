import type { FakeMailer } from '@testbed/test-utils';

/** The verification token in the last email sent to `email`, read from its link. */
export function tokenFromLastEmail(mailer: FakeMailer, email: string): string {
  const message = mailer.lastTo(email);
  const token = message && /[?&]token=([\w-]+)/.exec(message.text)?.[1];
  if (!token) throw new Error(`No verification email with a token was sent to ${email}.`);
  return token;
}
