// Unit: the logger masks credentials wherever a log call may put them, however deep.
// See docs/hardening/security.md.
import { LogRecorder } from '@testbed/test-utils';
import { createLogger } from '../../src/logger';

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
    });

    expect(logs.text()).not.toMatch(/secret-\d/);
    expect(logs.entries[0]).toMatchObject({
      password: '[redacted]',
      err: { config: { headers: { authorization: '[redacted]' } } },
    });
  });
});
