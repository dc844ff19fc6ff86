import { join } from 'node:path';
import type { ContractTarget } from '@testbed/contract-tests';
import { FakeClock, FakeMailer } from '@testbed/test-utils';
import { buildApp } from '../../src/app';
import { createDatabase, createPool } from '../../src/db/database';
import { createLogger } from '../../src/logger';
import { START } from '../helpers/test-app';
import { testConfig } from '../helpers/test-config';

const APP_ROOT = join(__dirname, '..', '..');

/** This app as the contract suites see it (docs/contract-suite.md). */
export const fastifyTarget: ContractTarget = {
  name: 'fastify-api',
  process: { cwd: APP_ROOT, args: ['--import', 'tsx', 'src/server.ts'] },
  async start(databaseUrl, options = {}) {
    const { databaseTimeouts, httpTimeouts, trustProxy, rateLimits, passwordBreachCheck } = options;
    const pool = createPool(databaseUrl, { max: 4, timeouts: databaseTimeouts });
    const mailer = new FakeMailer();
    const clock = new FakeClock(START);
    const app = buildApp({
      db: createDatabase(pool),
      mailer,
      clock,
      config: {
        ...testConfig,
        httpTimeouts: httpTimeouts ?? testConfig.httpTimeouts,
        trustProxy: trustProxy ?? testConfig.trustProxy,
        rateLimits: { ...testConfig.rateLimits, ...rateLimits },
        passwordBreachCheck,
      },
      logger: createLogger('silent'),
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    return {
      server: app.server,
      mailer,
      clock,
      promoteToAdmin: async (id) => {
        await app.repositories.users.update(id, { role: 'admin', updatedAt: clock.now() });
      },
      close: async () => {
        await app.close();
        await pool.end();
      },
    };
  },
};
