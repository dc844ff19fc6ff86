// Unit: the logger masks credentials wherever a log call may put them, however deep.
// See docs/hardening/security.md.
import { Writable } from 'node:stream';
import { LogRecorder } from '@testbed/test-utils';
import { consoleDestination, createLogger } from '../../src/logger';

describe('createLogger', () => {
  it('masks passwords, hashes, tokens and credentials nested up to four levels deep', () => {
    const logs = new LogRecorder();
    const logger = createLogger('info', logs);

    logger.info({
      password: 'secret-0',
      user: { passwordHash: 'secret-1' },
      req: { headers: { authorization: 'Bearer secret-2', cookie: 'secret-3' } },
      err: { config: { headers: { authorization: 'Bearer secret-4' } } },
      body: { access_token: 'secret-5', token: 'secret-6' },
      verification: { tokenHash: 'secret-8' },
      secret: 'secret-9',
    });

    expect(logs.text()).not.toMatch(/secret-\d/);
    expect(logs.entries[0]).toMatchObject({
      password: '[redacted]',
      err: { config: { headers: { authorization: '[redacted]' } } },
    });
  });
});

describe('consoleDestination', () => {
  it('writes JSON (the default destination) unless asked for, or at a terminal', () => {
    // Jest's stdout is no terminal, as in CI and behind a log collector.
    expect(consoleDestination(undefined, false)).toBeUndefined();
    expect(consoleDestination('json', false)).toBeUndefined();
    expect(consoleDestination('json', false, 1, true)).toBeUndefined();
  });

  it('writes readable lines at a terminal outside production, and JSON there in production', () => {
    expect(consoleDestination(undefined, false, 1, true)).toBeDefined();
    expect(consoleDestination(undefined, true, 1, true)).toBeUndefined();
  });

  it('writes readable lines when LOG_FORMAT=pretty, production or not', () => {
    expect(consoleDestination('pretty', false)).toBeDefined();
    expect(consoleDestination('pretty', true)).toBeDefined();
  });

  it('writes the same fields as JSON does, the app name left out, one line each', () => {
    const written: string[] = [];
    const output = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger('info', consoleDestination('pretty', false, output, false));

    logger.info(
      { req: { method: 'GET', url: '/health' }, password: 'secret-7' },
      'request completed',
    );

    const line = written.join('');
    // The local time of day first: what a person at a terminal reads, not epoch milliseconds.
    expect(line).toMatch(/^\[\d\d:\d\d:\d\d\] INFO.*request completed.*"url":"\/health"/);
    expect(line).toContain('[redacted]');
    expect(line).not.toMatch(/secret-7|express-api/);
    expect(line.trimEnd().split('\n')).toHaveLength(1);
  });

  it('colours the lines for a person at a terminal only, not in a file or a pipe', () => {
    const written = { terminal: '', pipe: '' };
    for (const reader of ['terminal', 'pipe'] as const) {
      const output = new Writable({
        write(chunk: Buffer, _encoding, done) {
          written[reader] += chunk.toString();
          done();
        },
      });
      createLogger('info', consoleDestination('pretty', false, output, reader === 'terminal')).info(
        'request completed',
      );
    }

    const ESCAPE = '\u001b[';
    expect(written.terminal).toContain(ESCAPE);
    expect(written.pipe).not.toContain(ESCAPE);
    expect(written.pipe).toMatch(/INFO: request completed/);
  });
});
