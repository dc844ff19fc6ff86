import type { MailMessage } from './mailer';

/** The verification email: its text holds the link, with the token in the query. */
export function verificationEmail(to: string, token: string, publicUrl: string): MailMessage {
  const link = new URL('/verify-email', publicUrl);
  link.searchParams.set('token', token);
  return {
    to,
    subject: 'Verify your email address',
    text: [
      'Welcome!',
      '',
      'Open this link to verify your email address (it expires in 24 hours):',
      link.toString(),
      '',
      'Or POST the token to /api/auth/verify-email.',
    ].join('\n'),
  };
}
