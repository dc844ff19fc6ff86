import {
  responseValidatorFor,
  useTestDatabase,
  type FakeClock,
  type FakeMailer,
} from '@testbed/test-utils';
import { createContractApi, type ContractApi } from './api-client';
import { openContractDatabase, type ContractDatabase } from './contract-database';
import { createGiven, type Given } from './given';
import type { ContractTarget, RunningApp, StartOptions } from './target';

export const START = '2030-01-01T00:00:00.000Z';

export interface ContractApp {
  api: ContractApi;
  given: Given;
  mailer: FakeMailer;
  clock: FakeClock;
  /** The file's database in plain SQL, for the rows a request must or must not leave. */
  db: ContractDatabase;
}

export interface ContractAppOptions {
  /** A function when an option is known only once the file's own set-up has run (a port). */
  start?: StartOptions | (() => StartOptions);
  /**
   * Where the app connects instead of the file's database itself: the fault suites give it
   * a proxy they can cut. Called once, when the app starts; `c.db` still goes direct.
   */
  appDatabaseUrl?: () => string;
}

/**
 * The target app on this test file's database, started once per file. Before each test the
 * tables are empty (the harness), the mailbox is empty and the clock is at START.
 */
export function useContractApp(
  target: ContractTarget,
  options: ContractAppOptions = {},
): ContractApp {
  const database = useTestDatabase();
  const app = {} as ContractApp;
  let running: RunningApp | undefined;

  beforeAll(async () => {
    const url = options.appDatabaseUrl?.() ?? database.url;
    const start = typeof options.start === 'function' ? options.start() : options.start;
    const started = await target.start(url, start);
    running = started;
    const api = createContractApi(started.server, await responseValidatorFor(started.server));
    const { mailer, clock } = started;
    const promoteToAdmin = (id: string) => started.promoteToAdmin(id);
    const given = createGiven({ api, mailer, clock, promoteToAdmin });
    const db = await openContractDatabase(database.url);
    Object.assign(app, { api, given, mailer, clock, db });
  });

  beforeEach(() => {
    app.mailer.clear();
    app.clock.set(START);
  });

  afterAll(async () => {
    // After a start that threw, only what it opened is closed: a TypeError from here would
    // stand in the report for the start's own error.
    if ('api' in app) {
      app.api.close();
      await app.db.close();
    }
    await running?.close();
  });

  return app;
}
