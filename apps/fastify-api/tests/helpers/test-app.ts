import {
  FakeClock,
  FakeMailer,
  LogRecorder,
  responseValidatorFor,
  useTestDatabase,
  type OutboundHttp,
  type ResponseValidator,
} from '@testbed/test-utils';
import type pg from 'pg';
import { buildApp, type App } from '../../src/app';
import { AccessTokens } from '../../src/auth/access-tokens';
import { PasswordHasher } from '../../src/auth/password-hasher';
import { createPasswordBreachChecker } from '../../src/auth/password-breach-checker';
import type { Config } from '../../src/config';
import { createDatabase, createPool, type Database } from '../../src/db/database';
import type { Repositories } from '../../src/db/database.plugin';
import { createLogger } from '../../src/logger';
import type { Mailer } from '../../src/mail/mailer';
import { createApi, type Api } from './api-client';
import { createGiven, type Given } from './given';
import { testConfig } from './test-config';

export const START = '2030-01-01T00:00:00.000Z';

export interface TestApp {
  app: App;
  api: Api;
  given: Given;
  db: Database;
  repos: Repositories;
  /** Plain SQL on the app's pool, to check what a request left in the database. */
  query<Row extends object>(text: string, params?: unknown[]): Promise<Row[]>;
  mailer: FakeMailer;
  clock: FakeClock;
  logs: LogRecorder;
  config: Config;
  /** Checks a response against the app's /openapi.json (the api client does it for every call). */
  openapi: ResponseValidator;
}

export interface TestAppOptions {
  /** Runs on the built app before it listens: the place to add a hook that watches every route. */
  beforeStart?: (app: App) => void;
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

/**
 * The real app on this file's own database, with fakes only at the edges: mail, time and the
 * log destination. Built once per file (beforeAll); every table is emptied and the fakes are
 * reset before each test, so tests share nothing but the running app. `overrides` change the
 * test configuration, such as the proxy trust a throttling test needs; `options` hand in a real
 * mail transport or the outbound HTTP stand-in.
 */
export function useTestApp(
  overrides: Partial<Config> = {},
  { beforeStart, mailer: appMailer, outbound }: TestAppOptions = {},
): TestApp {
  const database = useTestDatabase();
  const t = {} as TestApp;
  let pool: pg.Pool | undefined;

  beforeAll(async () => {
    const config = { ...testConfig, ...overrides };
    const appPool = createPool(database.url, { max: 4 });
    pool = appPool;
    const db = createDatabase(appPool);
    const mailer = new FakeMailer();
    const clock = new FakeClock(START);
    const logs = new LogRecorder();
    const logger = createLogger(config.logLevel, logs);
    const passwordBreachChecker = createPasswordBreachChecker(config.passwordBreachCheck, {
      logger,
      // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- npm undici's Dispatcher and the one Node's fetch declares are two declarations of one class
      dispatcher: outbound?.dispatcher,
    });
    const app = buildApp({
      db,
      mailer: appMailer?.(clock) ?? mailer,
      clock,
      config,
      logger,
      passwordBreachChecker,
    });
    beforeStart?.(app);
    // One listening socket per file, reused over keep-alive by every request of the file.
    await app.listen({ port: 0, host: '127.0.0.1' });
    const openapi = await responseValidatorFor(app.server);
    const repos = app.repositories;
    const passwords = new PasswordHasher(config.passwords);
    const given = createGiven({
      repos,
      passwords,
      tokens: new AccessTokens(config.jwt, clock),
      clock,
    });
    const query = async <Row extends object>(text: string, params?: unknown[]) =>
      (await appPool.query<Row & pg.QueryResultRow>(text, params)).rows;
    Object.assign(t, {
      app,
      api: createApi(app.server, openapi),
      openapi,
      given,
      db,
      repos,
      query,
      mailer,
      clock,
      logs,
      config,
    });
  });

  beforeEach(() => {
    t.mailer.clear();
    t.clock.set(START);
    t.logs.clear();
  });

  afterAll(async () => {
    // After a start that threw (a route the app refuses to register), only what it opened is
    // closed: a TypeError from here would stand in the report for the start's own error.
    if ('api' in t) {
      t.api.close();
      await t.app.close();
    }
    await pool?.end();
  });

  return t;
}
