// Unit test of the SMTP transport's settings, against test-utils' SMTP server on loopback (the
// whole flow through the app is in tests/integration/workflows/smtp-mail.test.ts).
// See docs/external-services.md.
import { startSmtpCatcher, type SmtpCatcher } from '@testbed/test-utils/smtp';
import { SmtpMailer } from '../../src/mail/smtp-mailer';

let smtp: SmtpCatcher;

beforeAll(async () => {
  smtp = await startSmtpCatcher();
});

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
});
