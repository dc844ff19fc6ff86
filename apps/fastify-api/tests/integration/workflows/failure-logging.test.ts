// Workflow suite: what the log tells an operator when a request fails for a reason of the
// app's own, not the client's: the database gone is a warning naming the route and the error.
// The 503 itself is the contract's (database-faults); see docs/hardening/faults.md.
import {
  bearer,
  FakeMailer,
  LogRecorder,
  proxyDatabase,
  testDatabase,
  type DatabaseProxy,
} from '@testbed/test-utils';
import type pg from 'pg';
import { buildApp } from '../../../src/app';
import { createDatabase, createPool } from '../../../src/db/database';
import { createLogger } from '../../../src/logger';
import { testConfig } from '../../helpers/test-config';
import { useTestApp } from '../../helpers/test-app';

const t = useTestApp();
let proxy: DatabaseProxy;
let pool: pg.Pool;

beforeAll(async () => {
  proxy = await proxyDatabase(testDatabase().url);
  pool = createPool(proxy.url, { max: 1, timeouts: { statementMs: 300, connectMs: 1000 } });
});
afterAll(async () => {
  await pool.end();
  await proxy.close();
});

describe('a request the database cannot serve', () => {
  it('is logged once as a warning naming the route and the error, and answered 503', async () => {
    const user = await t.given.user();
    const logs = new LogRecorder();
    const app = buildApp({
      db: createDatabase(pool),
      mailer: new FakeMailer(),
      clock: t.clock,
      config: testConfig,
      logger: createLogger('info', logs),
    });
    proxy.cut();

    const res = await app.inject({
      method: 'GET',
      url: '/api/profile',
      headers: bearer(user.token),
    });
    await app.close();

    expect(res).toBeProblem(503);
    expect(logs.entries.filter((entry) => entry.msg !== 'request completed')).toEqual([
      expect.objectContaining({
        level: 40,
        msg: 'database unavailable',
        method: 'GET',
        path: '/api/profile',
        err: expect.objectContaining({ name: expect.any(String) }),
      }),
    ]);
  });
});
