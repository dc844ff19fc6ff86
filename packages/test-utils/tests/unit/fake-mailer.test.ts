// Unit tests for the fake at the mail edge: it records, and fails when told to.
import { FakeMailer } from '../../src';

const message = (to: string) => ({ to, subject: 'Welcome', text: 'Hello' });

describe('FakeMailer', () => {
  it('records each message sent, in order, and finds them by recipient whatever the case', async () => {
    const mailer = new FakeMailer();

    await mailer.send(message('ada@example.test'));
    await mailer.send(message('bob@example.test'));
    await mailer.send({ ...message('ada@example.test'), subject: 'Again' });

    expect(mailer.sent.map((sent) => sent.to)).toEqual([
      'ada@example.test',
      'bob@example.test',
      'ada@example.test',
    ]);
    expect(mailer.sentTo('ADA@example.test')).toHaveLength(2);
    expect(mailer.lastTo('ada@example.test')?.subject).toBe('Again');
  });

  it('keeps a copy, so a later change to the message object does not rewrite history', async () => {
    const mailer = new FakeMailer();
    const sent = message('ada@example.test');

    await mailer.send(sent);
    sent.subject = 'changed';

    expect(mailer.sent[0]?.subject).toBe('Welcome');
  });

  it('fails the next send only, and records nothing for it', async () => {
    const mailer = new FakeMailer();
    mailer.failNext(new Error('SMTP down'));

    await expect(mailer.send(message('ada@example.test'))).rejects.toThrow('SMTP down');
    await mailer.send(message('bob@example.test'));

    expect(mailer.sent.map((sent) => sent.to)).toEqual(['bob@example.test']);
  });

  it.each([
    ['failNext()', (mailer: FakeMailer) => mailer.failNext()],
    ['failAlways()', (mailer: FakeMailer) => mailer.failAlways()],
  ])('says the transport is unavailable when %s is given no error', async (_how, fail) => {
    const mailer = new FakeMailer();
    fail(mailer);

    const sending = mailer.send(message('ada@example.test'));

    await expect(sending).rejects.toThrow(new Error('Mail transport unavailable (fake)'));
  });

  it('fails every send until it recovers', async () => {
    const mailer = new FakeMailer();
    mailer.failAlways();

    await expect(mailer.send(message('a@example.test'))).rejects.toThrow();
    await expect(mailer.send(message('b@example.test'))).rejects.toThrow();
    mailer.recover();
    await mailer.send(message('c@example.test'));

    expect(mailer.sent).toHaveLength(1);
  });

  it('forgets messages and failures on clear', async () => {
    const mailer = new FakeMailer();
    await mailer.send(message('a@example.test'));
    mailer.failAlways();

    mailer.clear();
    await mailer.send(message('b@example.test'));

    expect(mailer.sent.map((sent) => sent.to)).toEqual(['b@example.test']);
  });
});
