import { join } from 'node:path';
import type { ContractTarget } from '@testbed/contract-tests';
import { FakeClock, FakeMailer } from '@testbed/test-utils';
import { createApp } from '../../src/app';
import { DEFAULT_HTTP_TIMEOUTS } from '../../src/config';
import { createDataSource } from '../../src/db/data-source';
import { repositoriesFor } from '../../src/db/database';
import { createHttpServer } from '../../src/http/http-server';
import { createLogger } from '../../src/logger';
import { START } from '../helpers/test-app';
import { testConfig } from '../helpers/test-config';

const APP_ROOT = join(__dirname, '..', '..');

/** This app as the contract suites see it (docs/contract-suite.md). */
export const expressTarget: ContractTarget = {
  name: 'express-api',
  process: { cwd: APP_ROOT, args: ['--import', 'tsx', 'src/server.ts'] },
  async start(databaseUrl, startOptions = {}) {
    const { databaseTimeouts, httpTimeouts, trustProxy, rateLimits, passwordBreachCheck } =
      startOptions;
    const options = { url: databaseUrl, poolSize: 4, timeouts: databaseTimeouts };
    const dataSource = await createDataSource(options).initialize();
    const mailer = new FakeMailer();
    const clock = new FakeClock(START);
    const logger = createLogger('silent');
    const config = {
      ...testConfig,
      trustProxy: trustProxy ?? testConfig.trustProxy,
      rateLimits: { ...testConfig.rateLimits, ...rateLimits },
      passwordBreachCheck,
    };
    const app = createApp({ dataSource, mailer, clock, config, logger });
    const server = createHttpServer(app, httpTimeouts ?? DEFAULT_HTTP_TIMEOUTS);
    server.listen(0, '127.0.0.1');
    const users = repositoriesFor(dataSource.manager).users;
    return {
      server,
      mailer,
      clock,
      promoteToAdmin: async (id) => {
        await users.update(id, { role: 'admin', updatedAt: clock.now() });
      },
      close: async () => {
        await new Promise((resolve) => server.close(resolve));
        await dataSource.destroy();
      },
    };
  },
};
