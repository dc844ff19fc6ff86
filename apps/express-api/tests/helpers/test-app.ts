import type { Server } from 'node:http';
import {
  FakeClock,
  FakeMailer,
  LogRecorder,
  responseValidatorFor,
  useTestDatabase,
  type OutboundHttp,
  type ResponseValidator,
} from '@testbed/test-utils';
import type { DataSource } from 'typeorm';
import { createApp } from '../../src/app';
import { DEFAULT_HTTP_TIMEOUTS } from '../../src/config';
import { createAccessTokens } from '../../src/auth/access-tokens';
import { createPasswordHasher } from '../../src/auth/password-hasher';
import { createPasswordBreachChecker } from '../../src/auth/password-breach-checker';
import { createDataSource } from '../../src/db/data-source';
import { repositoriesFor, type Repositories } from '../../src/db/database';
import { createHttpServer } from '../../src/http/http-server';
import type { AppConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import type { Mailer } from '../../src/mail/mailer';
import { createApi, type Api } from './api-client';
import { createGiven, type Given } from './given';
import { testConfig } from './test-config';

export const START = '2030-01-01T00:00:00.000Z';

export interface TestApp {
  api: Api;
  given: Given;
  repos: Repositories;
  dataSource: DataSource;
  mailer: FakeMailer;
  clock: FakeClock;
  logs: LogRecorder;
  server: Server;
  /** Checks a response against the app's /openapi.json (the api client does it for every call). */
  openapi: ResponseValidator;
}

/** Stand-ins at the app's edges, each optional; the FakeMailer and no outbound HTTP otherwise. */
export interface TestAppEdges {
  /**
   * The app's mailer instead of the FakeMailer (which then receives nothing): a real transport,
   * made once the file's servers are up, such as the SMTP mailer pointed at a local server.
   */
  mailer?: (clock: FakeClock) => Mailer;
  /**
   * test-utils' interceptOutboundHttp(): the breached-password check's fetch goes through it.
   * Turn the check on with `passwordBreachCheck` in the config overrides.
   */
  outbound?: OutboundHttp;
}

async function startTestApp(url: string, config: AppConfig, edges: TestAppEdges): Promise<TestApp> {
  const dataSource = await createDataSource({ url, poolSize: 4 }).initialize();
  const mailer = new FakeMailer();
  const clock = new FakeClock(START);
  const logs = new LogRecorder();
  const logger = createLogger('info', logs);
  const passwordBreachChecker = createPasswordBreachChecker(config.passwordBreachCheck, {
    logger,
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- npm undici's Dispatcher and the one Node's fetch declares are two declarations of one class
    dispatcher: edges.outbound?.dispatcher,
  });
  const appMailer = edges.mailer?.(clock) ?? mailer;
  const app = createApp({
    dataSource,
    mailer: appMailer,
    clock,
    config,
    logger,
    passwordBreachChecker,
  });
  const server = createHttpServer(app, DEFAULT_HTTP_TIMEOUTS).listen(0, '127.0.0.1');
  const repos = repositoriesFor(dataSource.manager);
  const given = createGiven({
    repos,
    clock,
    hasher: createPasswordHasher(testConfig.passwordHashing),
    tokens: createAccessTokens(testConfig.jwt, clock),
  });
  const openapi = await responseValidatorFor(server);
  return {
    api: createApi(server, openapi),
    openapi,
    given,
    repos,
    dataSource,
    mailer,
    clock,
    logs,
    server,
  };
}

// #region use-test-app
/**
 * The real app on this file's own database, with fakes only at the edges (mail, clock,
 * log destination). Built once per file; every test starts from empty tables, an empty
 * mailbox, no logs and the clock at START. `overrides` change the test configuration, such as
 * the proxy trust a throttling test needs; `edges` hands in a real mail transport or the
 * outbound HTTP stand-in.
 */
export function useTestApp(overrides: Partial<AppConfig> = {}, edges: TestAppEdges = {}): TestApp {
  const database = useTestDatabase();
  const testApp = {} as TestApp;
  beforeAll(async () => {
    const config = { ...testConfig, ...overrides };
    Object.assign(testApp, await startTestApp(database.url, config, edges));
  });
  beforeEach(() => {
    testApp.mailer.clear();
    testApp.logs.clear();
    testApp.clock.set(START);
  });
  afterAll(async () => {
    // A start that threw opened nothing: its error, not a TypeError from here, is the one to read.
    if (!('api' in testApp)) return;
    testApp.api.close();
    await new Promise((resolve) => testApp.server.close(resolve));
    await testApp.dataSource.destroy();
  });
  return testApp;
}
// #endregion
