// The SMTP catcher (src/smtp/): a real SMTP server on loopback that the apps' SMTP transport is
// tested against, so it must receive and parse what a real client sends, and fail the client the
// way a real server does when told to. The client here is nodemailer, as in the apps.
// See docs/external-services.md.
import { connect } from 'node:net';
import { createTransport } from 'nodemailer';
import { findFreePort } from '../../src/database/free-port';
import { startSmtpCatcher, type SmtpCatcher } from '../../src/smtp';

let catcher: SmtpCatcher;

beforeEach(async () => {
  catcher = await startSmtpCatcher();
});

afterEach(async () => {
  await catcher.close();
});

// A short wait for the greeting: the client of a server that never greets fails in a second.
const send = (url: string, message: { to: string; subject?: string; text?: string }) =>
  createTransport({ url, greetingTimeout: 1_000 }).sendMail({
    from: 'Sender <sender@example.test>',
    subject: 'Hello',
    text: 'Hi',
    ...message,
  });

describe('startSmtpCatcher', () => {
  it('listens on loopback and parses each message: envelope, From, To, subject and text', async () => {
    const link = `https://app.example.test/verify-email?token=${'x'.repeat(90)}`;

    await send(catcher.url, { to: 'Ada <ada@example.test>', subject: 'Verify', text: link });

    expect(catcher.url).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
    expect(catcher.messages).toEqual([
      {
        envelope: { from: 'sender@example.test', to: ['ada@example.test'] },
        from: { name: 'Sender', address: 'sender@example.test' },
        to: ['ada@example.test'],
        subject: 'Verify',
        text: `${link}\n`,
        user: undefined,
      },
    ]);
  });

  it('parses a message with no From, To, subject or body as empty, keeping its envelope', async () => {
    const transport = createTransport({ url: catcher.url });

    await transport.sendMail({
      envelope: { from: 'sender@example.test', to: ['ada@example.test'] },
      raw: 'X-Note: headers only\r\n\r\n',
    });

    expect(catcher.messages).toEqual([
      {
        envelope: { from: 'sender@example.test', to: ['ada@example.test'] },
        from: undefined,
        to: [],
        subject: '',
        text: '',
        user: undefined,
      },
    ]);
  });

  it('lists every address of To and finds the message by any of them, leaving out a group with none', async () => {
    await send(catcher.url, { to: 'ada@example.test, Bob <bob@example.test>' });
    await createTransport({ url: catcher.url }).sendMail({
      envelope: { from: 'sender@example.test', to: ['eve@example.test'] },
      raw: 'To: undisclosed-recipients:;\r\nSubject: Hidden\r\n\r\nHi\r\n',
    });

    expect(catcher.messages.map((message) => message.to)).toEqual([
      ['ada@example.test', 'bob@example.test'],
      [],
    ]);
    expect(catcher.sentTo('bob@example.test')).toEqual([catcher.messages[0]]);
  });

  it('finds messages by recipient whatever the case, the last one last', async () => {
    await send(catcher.url, { to: 'ada@example.test', subject: 'First' });
    await send(catcher.url, { to: 'bob@example.test' });
    await send(catcher.url, { to: 'ada@example.test', subject: 'Second' });

    expect(catcher.sentTo('ADA@example.test')).toHaveLength(2);
    expect(catcher.lastTo('ada@example.test')?.subject).toBe('Second');
    expect(catcher.lastTo('eve@example.test')).toBeUndefined();
  });

  it('accepts any sign-in and records the user name', async () => {
    const url = catcher.url.replace('//', '//mailer:secret@');

    await send(url, { to: 'ada@example.test' });

    expect(catcher.lastTo('ada@example.test')?.user).toBe('mailer');
  });

  it('calls onMessage with each message as it arrives', async () => {
    const seen: string[] = [];
    const watched = await startSmtpCatcher({ onMessage: (message) => seen.push(message.subject) });

    await send(watched.url, { to: 'ada@example.test', subject: 'Watched' }).finally(() =>
      watched.close(),
    );

    expect(seen).toEqual(['Watched']);
  });

  it.each([
    ['the message', 'data', 550, 'DATA'],
    ['a recipient', 'rcpt', 550, 'RCPT TO'],
    ['the sign-in', 'auth', 535, 'AUTH PLAIN'],
  ] as const)(
    'refuses %s of the next connection only, at that command, with an SMTP error',
    async (_what, at, code, command) => {
      const url = catcher.url.replace('//', '//mailer:secret@');
      catcher.refuseNext({ at });

      const refused = send(url, { to: 'ada@example.test', subject: 'Refused' });

      await expect(refused).rejects.toMatchObject({
        command,
        responseCode: code,
        response: `${code} Refused by the test SMTP server (${code})`,
      });
      await send(url, { to: 'ada@example.test', subject: 'Accepted' });
      expect(catcher.messages.map((message) => message.subject)).toEqual(['Accepted']);
    },
  );

  it('refuses the message of the next connection with 550 when told no more', async () => {
    catcher.refuseNext();

    const refused = send(catcher.url, { to: 'ada@example.test' });

    await expect(refused).rejects.toMatchObject({ responseCode: 550 });
    expect(catcher.messages).toEqual([]);
  });

  it('refuses the sign-in with the code it is given', async () => {
    catcher.refuseNext({ at: 'auth', code: 454 });

    const refused = send(catcher.url.replace('//', '//mailer:secret@'), { to: 'ada@example.test' });

    await expect(refused).rejects.toMatchObject({ responseCode: 454 });
  });

  it('cuts the next connection once the message is sent, and keeps nothing of it', async () => {
    catcher.dropNext();

    const dropped = send(catcher.url, { to: 'ada@example.test' });

    await expect(dropped).rejects.toMatchObject({ code: 'ECONNECTION' });
    expect(catcher.messages).toEqual([]);
  });

  it('accepts the next connection and never greets it, so the client times out', async () => {
    catcher.neverGreetNext();

    const ignored = send(catcher.url, { to: 'ada@example.test' });

    await expect(ignored).rejects.toMatchObject({ code: 'ETIMEDOUT' });
    expect(catcher.messages).toEqual([]);
  });

  it('forgets its messages and the faults not yet used on clear()', async () => {
    await send(catcher.url, { to: 'ada@example.test' });
    catcher.refuseNext();

    catcher.clear();
    await send(catcher.url, { to: 'bob@example.test' });

    expect(catcher.messages.map((message) => message.to)).toEqual([['bob@example.test']]);
  });

  it('listens on the port it is given, and fails to start on one already taken', async () => {
    const port = await findFreePort();

    const given = await startSmtpCatcher({ port });
    const taken = startSmtpCatcher({ port });

    expect(given.port).toBe(port);
    await expect(taken).rejects.toMatchObject({ code: 'EADDRINUSE' });
    await given.close();
  });

  it('closes with a client still connected, and stops listening', async () => {
    const closing = await startSmtpCatcher();
    const client = connect(closing.port, '127.0.0.1');
    const greeting = await new Promise<string>((resolve) => {
      client.once('data', (data) => resolve(String(data)));
    });
    const closed = new Promise((resolve) => client.once('close', resolve));

    await closing.close();

    expect(greeting).toMatch(/^220 /);
    await closed;
    await expect(send(closing.url, { to: 'ada@example.test' })).rejects.toMatchObject({
      code: 'ESOCKET',
    });
  });
});
