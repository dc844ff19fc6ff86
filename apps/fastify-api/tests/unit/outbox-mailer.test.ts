// Unit tests: the outbox transport writes one JSON file per message, on a temp folder.
// See docs/fastify-api.md.
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeClock } from '@testbed/test-utils';
import { systemClock } from '../../src/clock';
import { createMailer } from '../../src/mail/create-mailer';
import { OutboxMailer } from '../../src/mail/outbox-mailer';
import { SmtpMailer } from '../../src/mail/smtp-mailer';

describe('OutboxMailer', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'outbox-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes each message as one JSON file with to, subject, text and sentAt', async () => {
    const mailer = new OutboxMailer(join(dir, 'outbox'), new FakeClock('2030-05-01T10:00:00.000Z'));

    await mailer.send({ to: 'a@example.test', subject: 'Hi', text: 'token=abc' });
    await mailer.send({ to: 'b@example.test', subject: 'Hi', text: 'token=def' });

    const files = await readdir(join(dir, 'outbox'));
    const messages = await Promise.all(
      files.map(
        async (file) => JSON.parse(await readFile(join(dir, 'outbox', file), 'utf8')) as unknown,
      ),
    );
    expect(messages).toEqual(
      expect.arrayContaining([
        {
          to: 'a@example.test',
          subject: 'Hi',
          text: 'token=abc',
          sentAt: '2030-05-01T10:00:00.000Z',
        },
        {
          to: 'b@example.test',
          subject: 'Hi',
          text: 'token=def',
          sentAt: '2030-05-01T10:00:00.000Z',
        },
      ]),
    );
    expect(files).toHaveLength(2);
  });

  it('names each file by the time it was sent, with dashes for colons, which Windows refuses', async () => {
    const outbox = join(dir, 'outbox');
    const mailer = new OutboxMailer(outbox, new FakeClock('2030-05-01T10:00:00.000Z'));

    await mailer.send({ to: 'a@example.test', subject: 'Hi', text: 'token=abc' });

    expect(await readdir(outbox)).toEqual([
      expect.stringMatching(/^2030-05-01T10-00-00\.000Z-[0-9a-f-]+\.json$/),
    ]);
  });

  it('leaves the mode of an outbox folder that already exists, which the operator chose', async () => {
    const outbox = join(dir, 'shared-outbox');
    await mkdir(outbox);
    await chmod(outbox, 0o755);
    const mailer = new OutboxMailer(outbox, new FakeClock('2030-05-01T10:00:00.000Z'));

    await mailer.send({ to: 'a@example.test', subject: 'Hi', text: 'token=abc' });

    expect(((await stat(outbox)).mode & 0o777).toString(8)).toBe('755');
  });

  // Only Linux lists a process's open files in /proc (CI runs there; elsewhere it is skipped).
  (process.platform === 'linux' ? describe : describe.skip)('on Linux', () => {
    it('closes each file it writes', async () => {
      // Linux lists the process's open files here. The first send opens what stays open by design
      // (the random source, libuv's own), so the count is taken after it.
      const openFiles = async () => (await readdir('/proc/self/fd')).length;
      const mailer = new OutboxMailer(
        join(dir, 'outbox'),
        new FakeClock('2030-05-01T10:00:00.000Z'),
      );
      await mailer.send({ to: 'a@example.test', subject: 'Hi', text: 'token=abc' });
      const before = await openFiles();

      await mailer.send({ to: 'b@example.test', subject: 'Hi', text: 'token=def' });

      expect(await openFiles()).toBe(before);
    });
  });

  // 000 lets every bit through, so a mode left to it is world-readable; 277 takes the owner's
  // own write bit, so only a mode set after creation gives the owner's 0600 and 0700.
  it.each([
    ['000', 0o000],
    ['277', 0o277],
  ])(
    'makes its folder and each message readable by their owner only, under umask %s',
    async (_umask, mask) => {
      const outbox = join(dir, 'outbox');
      const mailer = new OutboxMailer(outbox, new FakeClock('2030-05-01T10:00:00.000Z'));
      const umask = process.umask(mask);

      await mailer
        .send({ to: 'a@example.test', subject: 'Hi', text: 'token=abc' })
        .finally(() => process.umask(umask));

      const [file] = await readdir(outbox);
      const modeOf = async (path: string) => ((await stat(path)).mode & 0o777).toString(8);
      expect({
        folder: await modeOf(outbox),
        file: await modeOf(join(outbox, file ?? '')),
      }).toEqual({ folder: '700', file: '600' });
    },
  );
});

describe('createMailer', () => {
  it('builds the outbox transport by default', () => {
    const mailer = createMailer(
      { transport: 'outbox', from: 'app', outboxDir: '/tmp/x' },
      systemClock,
    );

    expect(mailer).toBeInstanceOf(OutboxMailer);
  });

  it('builds the SMTP transport from SMTP_URL, without connecting', () => {
    const config = {
      transport: 'smtp',
      from: 'app',
      smtpUrl: 'smtp://127.0.0.1:2525',
      requireTls: false,
    } as const;

    expect(createMailer(config, systemClock)).toBeInstanceOf(SmtpMailer);
  });
});
