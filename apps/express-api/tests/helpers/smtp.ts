import type { FakeClock } from '@testbed/test-utils';
import { startSmtpCatcher, type SmtpCatcher } from '@testbed/test-utils/smtp';
import { loadConfig } from '../../src/config';
import { createMailer } from '../../src/mail/create-mailer';
import type { Mailer } from '../../src/mail/mailer';
import { DEFAULT_SMTP_TIMEOUTS, type SmtpTimeouts } from '../../src/mail/smtp-mailer';

export const MAIL_FROM = 'Testbed <no-reply@app.test>';

/**
 * Only the wait for the greeting is short, so that a server that never greets fails its test in
 * a second; the others keep their defaults, which a busy machine never comes near.
 */
export const SHORT_SMTP_TIMEOUTS: SmtpTimeouts = { ...DEFAULT_SMTP_TIMEOUTS, greetingMs: 1_000 };

/**
 * A real SMTP server on loopback for this file (test-utils' catcher): call it before
 * useTestApp, so it is up when the app is built. Emptied before each test, closed after the file.
 */
export function useSmtpCatcher(): SmtpCatcher {
  const catcher = {} as SmtpCatcher;
  beforeAll(async () => {
    Object.assign(catcher, await startSmtpCatcher());
  });
  beforeEach(() => catcher.clear());
  afterAll(() => catcher.close());
  return catcher;
}

/** The mailer server.ts makes from the environment, with MAIL_TRANSPORT=smtp and this SMTP_URL. */
export function smtpMailerFor(smtpUrl: string, clock: FakeClock): Mailer {
  const { mail } = loadConfig({ MAIL_TRANSPORT: 'smtp', SMTP_URL: smtpUrl, MAIL_FROM });
  return createMailer(mail, clock, SHORT_SMTP_TIMEOUTS);
}
