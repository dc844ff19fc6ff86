/** A mailbox a test reads: test-utils' FakeMailer, or its SMTP catcher. */
interface Mailbox {
  lastTo(address: string): { text: string } | undefined;
}

/** The verification token in the last email sent to `email`, read from its link. */
export function tokenFromLastEmail(mailer: Mailbox, email: string): string {
  const message = mailer.lastTo(email);
  const token = message && /[?&]token=([\w-]+)/.exec(message.text)?.[1];
  if (!token) throw new Error(`No verification email with a token was sent to ${email}.`);
  return token;
}
