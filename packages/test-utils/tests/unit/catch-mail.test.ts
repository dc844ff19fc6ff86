// `pnpm mail:catch` (scripts/catch-mail.ts): the development catcher a person runs beside an app
// with MAIL_TRANSPORT=smtp. Run as a person would: a process, its output read, then Ctrl-C.
// See docs/external-services.md.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';

const root = join(__dirname, '../..');
let catcher: ChildProcess | undefined;

afterEach(() => {
  catcher?.kill('SIGKILL');
  catcher = undefined;
});

/** Starts the script on a free port; `output()` is all it printed so far. */
function startCatchMail() {
  let printed = '';
  const child = spawn(
    join(root, 'node_modules/.bin/tsx'),
    ['scripts/catch-mail.ts', '--port', '0'],
    {
      cwd: root,
    },
  );
  child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const printedMatch = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve) => {
      const check = () => {
        const match = pattern.exec(printed);
        if (match) {
          child.stdout.off('data', check);
          resolve(match);
        }
      };
      child.stdout.on('data', check);
      check();
    });
  catcher = child;
  return { child, exited, printedMatch, output: () => printed };
}

describe('pnpm mail:catch', () => {
  // A process with tsx compiling at start: slower than the default test timeout on a busy machine.
  it('prints who each message is from and to, its subject and link, and stops cleanly on Ctrl-C', async () => {
    const run = startCatchMail();
    const [, url = ''] = await run.printedMatch(/listening on (smtp:\/\/127\.0\.0\.1:\d+)/);

    await createTransport({ url }).sendMail({
      from: 'App <no-reply@app.test>',
      to: 'ada@example.test',
      subject: 'Verify your email address',
      text: 'Open this link:\nhttp://localhost:3000/verify-email?token=abc-123\n',
    });
    await run.printedMatch(/link/);
    run.child.kill('SIGINT');

    expect(await run.exited).toBe(0);
    expect(run.output()).toContain(
      [
        'mail to ada@example.test',
        '  from     App <no-reply@app.test>',
        '  subject  Verify your email address',
        '  link     http://localhost:3000/verify-email?token=abc-123',
      ].join('\n'),
    );
  }, 20_000);
});
