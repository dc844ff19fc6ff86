import type { FakeClock } from '@testbed/test-utils';
import { startSmtpCatcher, type SmtpCatcher } from '@testbed/test-utils/smtp';
import { loadConfig } from '../../src/config';
import { createMailer } from '../../src/mail/create-mailer';
import type { Mailer } from '../../src/mail/mailer';
import type { SmtpTimeouts } from '../../src/mail/smtp-mailer';

export const MAIL_FROM = 'Testbed <no-reply@app.test>';

/** Short enough that a server that never answers fails a test in a fraction of a second. */
export const SHORT_SMTP_TIMEOUTS: SmtpTimeouts = {
  connectionMs: 500,
  greetingMs: 500,
  socketMs: 500,
};

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
