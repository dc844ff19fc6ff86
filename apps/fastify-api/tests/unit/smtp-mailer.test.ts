// Unit test of the SMTP transport's settings, against test-utils' SMTP server on loopback (the
// whole flow through the app is in tests/integration/workflows/smtp-mail.test.ts).
// See docs/external-services.md.
import { randomBytes } from 'node:crypto';
import { startSmtpCatcher, type SmtpCatcher } from '@testbed/test-utils/smtp';
import { systemClock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import { createMailer } from '../../src/mail/create-mailer';
import { SmtpMailer } from '../../src/mail/smtp-mailer';

let smtp: SmtpCatcher;

beforeAll(async () => {
  smtp = await startSmtpCatcher();
});

// A fault a test arranged but whose connection gave up before the server saw it (the timeout
// test's, under load) must not hang the next test.
beforeEach(() => smtp.clear());

afterAll(() => smtp.close());

const message = { to: 'ada@example.test', subject: 'Hello', text: 'Hi' };
// Far past the test's own timeout: only the URL's value can end the wait in time.
const LONG = { connectionMs: 60_000, greetingMs: 60_000, socketMs: 60_000 };

describe('SmtpMailer', () => {
  it('sends from MAIL_FROM to the message address', async () => {
    const mailer = new SmtpMailer(smtp.url, 'App <no-reply@app.test>');

    await mailer.send(message);

    expect(smtp.lastTo('ada@example.test')).toMatchObject({
      from: { name: 'App', address: 'no-reply@app.test' },
      subject: 'Hello',
    });
  });

  it("takes a timeout from SMTP_URL's query over its own", async () => {
    const mailer = new SmtpMailer(`${smtp.url}?greetingTimeout=100`, 'app@app.test', LONG);
    smtp.neverGreetNext();

    const sent = mailer.send(message);

    await expect(sent).rejects.toMatchObject({ code: 'ETIMEDOUT' });
  });

  // The catcher offers no STARTTLS, like a server whose offer someone on the path removed.
  it('in production, sends nothing and never signs in to an smtp:// server that offers no STARTTLS', async () => {
    const { mail } = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(24).toString('base64url'),
      DATABASE_URL: 'postgres://app@db.example.test/app',
      PUBLIC_URL: 'https://app.example.test',
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: smtp.url.replace('smtp://', 'smtp://app:hunter2@'),
    });
    const mailer = createMailer(mail, systemClock);

    const sent = mailer.send({ ...message, to: 'tls@example.test' });

    await expect(sent).rejects.toThrow(/STARTTLS/);
    expect(smtp.sentTo('tls@example.test')).toEqual([]);
  });
});
