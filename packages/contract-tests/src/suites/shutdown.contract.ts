import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createResponseValidator,
  findFreePort,
  useTestDatabase,
  validateResponses,
  type OpenApiDocument,
  type ResponseValidator,
} from '@testbed/test-utils';
import pg from 'pg';
import request from 'supertest';
import { APP_HOST, appEnvironment, launchAppProcess, type AppProcess } from '../app-process';
import { openContractDatabase, type ContractDatabase } from '../contract-database';
import { PASSWORD } from '../given';
import {
  POLL_MS,
  refusesNewConnections,
  START_TIMEOUT_MS,
  waitUntil,
  WAIT_LIMIT_MS,
} from '../process-waits';
import { openSlowClient, within, type SlowClient } from '../slow-client';
import type { ContractTarget } from '../target';

// An idle kept-alive socket also goes when the keep-alive timeout (65 s by default) ends it,
// and both apps cut every connection after SHUTDOWN_TIMEOUT_MS (10 s by default): a test
// allowed that long would pass without showing that the idle client was let go at once, or
// that a trickling one was cut. The tests themselves need well under a second.
const PROMPT_EXIT_MS = 4_000;
// The slow-client test's cut: short, so the test shows it rather than the 10 s default.
const SHORT_SHUTDOWN_TIMEOUT_MS = '300';
// Nothing in the in-flight tests waits on a clock (the lock holds until the test lets go), so
// a long limit costs time only when one fails.
const IN_FLIGHT_TIMEOUT_MS = 15_000;

/**
 * SIGTERM and SIGINT (docs/api-contract.md#operations): the app stops taking connections,
 * answers the requests it has, closes its pool and exits 0. The app runs as its own process,
 * as in production, since a signal to the test process would stop Jest.
 */
export function describeShutdownContract(target: ContractTarget): void {
  describe(`${target.name} · shutdown contract`, () => {
    const database = useTestDatabase();
    let outboxDir: string;
    let db: ContractDatabase;
    let app: AppProcess;
    let lock: pg.Client | undefined;
    let baseUrl: string;
    let port: number;
    let validator: ResponseValidator;

    // Each app names its pool's connections after itself (application_name).
    const waitingOnLock = async () => {
      const [row] = await db.rows<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = $1
            AND wait_event_type = 'Lock'`,
        [target.name],
      );
      return row?.waiting ?? 0;
    };

    // A connection of its own, not `db`: inside the lock's transaction, pg_stat_activity would
    // keep showing `db` the snapshot it took first, and the wait for the lock would never end.
    const lockUsersTable = async () => {
      lock = new pg.Client({ connectionString: database.url, application_name: 'contract-lock' });
      await lock.connect();
      await lock.query('BEGIN');
      await lock.query('LOCK TABLE users IN ACCESS EXCLUSIVE MODE');
      return lock;
    };

    const register = (email: string) =>
      validateResponses(request(baseUrl).post('/api/auth/register'), validator)
        .agent(new Agent({ keepAlive: false }))
        .send({ name: 'In Flight', email, password: PASSWORD });

    beforeAll(async () => {
      outboxDir = await mkdtemp(join(tmpdir(), `${target.name}-outbox-`));
      db = await openContractDatabase(database.url);
    });

    beforeEach(async () => {
      app = launchAppProcess(target, appEnvironment(database.url, outboxDir));
      ({ baseUrl, port } = await app.listening());
      const document = await request(baseUrl)
        .get('/openapi.json')
        .agent(new Agent({ keepAlive: false }))
        .expect(200);
      validator = createResponseValidator(document.body as OpenApiDocument);
    }, START_TIMEOUT_MS);

    afterEach(async () => {
      await app.stop();
      await lock?.end();
      lock = undefined;
    });

    afterAll(async () => {
      await db.close();
      await rm(outboxDir, { recursive: true, force: true });
    });

    it(
      'on SIGTERM, refuses new connections, answers the requests in flight, keeps their rows and exits 0',
      async () => {
        const emails = [1, 2, 3].map((n) => `in-flight-${n}@example.com`);
        const held = await lockUsersTable();
        // A request that fails shows as its error, so a lost request reads as such.
        const answers = Promise.allSettled(emails.map(register)).then((results) =>
          results.map((result) =>
            result.status === 'fulfilled' ? result.value.status : String(result.reason),
          ),
        );
        await waitUntil(
          `for ${emails.length} of the app's statements to wait on the lock`,
          async () => (await waitingOnLock()) === emails.length,
        );

        app.signal('SIGTERM');
        await app.logged('shutting down', WAIT_LIMIT_MS);
        await waitUntil('for the app to refuse new connections', () => refusesNewConnections(port));
        const waitingWhileRefusing = await waitingOnLock();
        await held.query('COMMIT');

        expect(waitingWhileRefusing).toBe(emails.length);
        expect(await answers).toEqual([201, 201, 201]);
        expect(await app.exited).toEqual({ code: 0, signal: null });
        const rows = await db.rows<{ email: string }>('SELECT email FROM users ORDER BY email');
        expect(rows.map((row) => row.email)).toEqual(emails);
      },
      IN_FLIGHT_TIMEOUT_MS,
    );

    it(
      'goes on stopping once on a second signal: the request in flight is answered and the exit is 0',
      async () => {
        const held = await lockUsersTable();
        const answer = register('second-signal@example.com').then((res) => res.status, String);
        await waitUntil(
          "for the app's statement to wait on the lock",
          async () => (await waitingOnLock()) === 1,
        );

        app.signal('SIGTERM');
        await app.logged('shutting down', WAIT_LIMIT_MS);
        // A second Ctrl-C, or SIGINT after SIGTERM, while the first shutdown waits.
        app.signal('SIGINT');
        await app.logged('already shutting down', WAIT_LIMIT_MS);
        await held.query('COMMIT');

        expect(await answer).toBe(201);
        expect(await app.exited).toEqual({ code: 0, signal: null });
      },
      IN_FLIGHT_TIMEOUT_MS,
    );

    it('keeps running, and answers again, when the database ends its connections', async () => {
      await request(baseUrl)
        .get('/health')
        .agent(new Agent({ keepAlive: false }))
        .expect(200);

      // What a database restart or failover does to the pool's idle connection.
      const ended = await db.rows<{ ended: boolean }>(
        `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = $1`,
        [target.name],
      );
      expect(ended).not.toHaveLength(0);
      expect(ended.every((row) => row.ended)).toBe(true);
      await app.logged('database connection lost', WAIT_LIMIT_MS);

      await validateResponses(request(baseUrl).get('/health'), validator)
        .agent(new Agent({ keepAlive: false }))
        .expect(200);
      app.signal('SIGTERM');
      expect(await app.exited).toEqual({ code: 0, signal: null });
    });

    // SIGINT here, SIGTERM above: both apps stop the same way on either, and each start of a
    // process costs a second, so each signal is sent once.
    it(
      'exits 0 on SIGINT without waiting for an idle kept-alive client',
      async () => {
        const agent = new Agent({ keepAlive: true });
        const res = await validateResponses(request(baseUrl).get('/health'), validator)
          .agent(agent)
          .expect(200);

        app.signal('SIGINT');

        expect(res.headers.connection).toBe('keep-alive');
        expect(await app.exited).toEqual({ code: 0, signal: null });
        agent.destroy();
      },
      PROMPT_EXIT_MS,
    );
  });

  // Its own app, started with a short cut: the tests above need the default's room.
  describe(`${target.name} · shutdown contract · slow clients`, () => {
    const database = useTestDatabase();
    let outboxDir: string;
    let app: AppProcess | undefined;
    let client: SlowClient | undefined;

    beforeAll(async () => {
      outboxDir = await mkdtemp(join(tmpdir(), `${target.name}-outbox-`));
    });

    afterEach(async () => {
      client?.destroy();
      await app?.stop();
    });

    afterAll(async () => {
      await rm(outboxDir, { recursive: true, force: true });
    });

    it(
      'on SIGTERM, cuts a client still trickling its body after SHUTDOWN_TIMEOUT_MS and exits 0',
      async () => {
        const env = appEnvironment(database.url, outboxDir);
        app = launchAppProcess(target, { ...env, SHUTDOWN_TIMEOUT_MS: SHORT_SHUTDOWN_TIMEOUT_MS });
        client = await openSlowClient((await app.listening()).port, APP_HOST);
        client.write(
          'POST /api/auth/register HTTP/1.1\r\nHost: localhost\r\n' +
            'Content-Type: application/json\r\nContent-Length: 90000\r\n' +
            'Expect: 100-continue\r\n\r\n{',
        );
        // The app has read the headers: the request is in flight, not an idle connection.
        const continued = await within(client.firstData, WAIT_LIMIT_MS, 'for 100 Continue');
        client.trickle(' ', POLL_MS);

        app.signal('SIGTERM');

        expect(continued).toBe('HTTP/1.1 100 Continue\r\n\r\n');
        const exit = await within(app.exited, PROMPT_EXIT_MS, 'for the app to exit');
        expect(exit).toEqual({ code: 0, signal: null });
        expect(await within(client.closed, WAIT_LIMIT_MS, 'for the cut')).toBe(continued);
      },
      START_TIMEOUT_MS,
    );
  });

  // Without DATABASE_URL, as `pnpm start` runs on a fresh clone: the app starts the embedded
  // PostgreSQL itself, and a terminal's Ctrl-C goes to the app's whole process group.
  describe(`${target.name} · shutdown contract · in a terminal`, () => {
    let outboxDir: string;
    let dataDir: string;
    let app: AppProcess | undefined;
    let lock: pg.Client | undefined;
    // Its own connection: inside the lock's transaction, pg_stat_activity keeps its first snapshot.
    let watcher: pg.Client | undefined;

    /** A connection to the app's database on its embedded server, the only one but `postgres`. */
    const connectToAppDatabase = async (port: number) => {
      const server = { host: APP_HOST, port, user: 'postgres', password: 'postgres' };
      const admin = new pg.Client({ ...server, database: 'postgres' });
      await admin.connect();
      const { rows } = await admin.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE NOT datistemplate AND datname <> 'postgres'`,
      );
      await admin.end();
      const client = new pg.Client({ ...server, database: rows[0]?.datname });
      await client.connect();
      return client;
    };

    beforeAll(async () => {
      outboxDir = await mkdtemp(join(tmpdir(), `${target.name}-outbox-`));
    });

    afterEach(async () => {
      // Already ended when the test got that far; ended again harmlessly otherwise.
      await lock?.end().catch(() => undefined);
      await watcher?.end().catch(() => undefined);
      await app?.stop();
      // A server the app failed to stop still holds the folder: stopped here, whatever failed.
      const pidFile = join(dataDir, 'postmaster.pid');
      if (existsSync(pidFile)) process.kill(Number(readFileSync(pidFile, 'utf8').split('\n')[0]));
      await rm(dataDir, { recursive: true, force: true });
    });

    afterAll(async () => {
      await rm(outboxDir, { recursive: true, force: true });
    });

    it(
      'on Ctrl-C, answers the request in flight, then closes the pool before the embedded database, with no warning',
      async () => {
        // Not made here: the embedded server makes its own folder, owned by its own user.
        dataDir = join(tmpdir(), `${target.name}-pg-${randomUUID()}`);
        const databasePort = await findFreePort();
        const env = { ...appEnvironment('', outboxDir), DATABASE_URL: undefined };
        const embedded = {
          EMBEDDED_DATABASE_DIR: dataDir,
          EMBEDDED_DATABASE_PORT: String(databasePort),
        };
        app = launchAppProcess(target, { ...env, ...embedded }, { ownProcessGroup: true });
        const { baseUrl } = await app.listening();
        lock = await connectToAppDatabase(databasePort);
        await lock.query('BEGIN');
        await lock.query('LOCK TABLE users IN ACCESS EXCLUSIVE MODE');
        const answer = request(baseUrl)
          .post('/api/auth/register')
          .agent(new Agent({ keepAlive: false }))
          .send({ name: 'In Flight', email: 'in-flight@example.com', password: PASSWORD })
          .then((res) => res.status, String);
        const watching = await connectToAppDatabase(databasePort);
        watcher = watching;
        await waitUntil('for the registration to wait on the lock', async () => {
          const { rows } = await watching.query<{ waiting: number }>(
            `SELECT count(*)::int AS waiting FROM pg_stat_activity
              WHERE application_name = $1 AND wait_event_type = 'Lock'`,
            [target.name],
          );
          return rows[0]?.waiting === 1;
        });
        // The app stops its database before it exits: the test's connections go first.
        await watching.end();

        app.signalGroup('SIGINT');
        await app.logged('shutting down', WAIT_LIMIT_MS);
        await lock.query('COMMIT');
        await lock.end();

        // A server that got the Ctrl-C too would have ended the request's connection: a 503.
        expect(await answer).toBe(201);
        expect(await within(app.exited, PROMPT_EXIT_MS, 'for the app to exit')).toEqual({
          code: 0,
          signal: null,
        });
        const lines = app.lines();
        const afterSignal = lines.slice(lines.findIndex((line) => line.msg === 'shutting down'));
        // Events aside (each app words their messages its own way), in this order and nothing
        // else: no warning that the database went away under the pool.
        expect(
          afterSignal.filter((line) => line.event === undefined).map((line) => line.msg),
        ).toEqual([
          'shutting down',
          'request completed',
          'embedded default database stopped',
          'stopped',
        ]);
        expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
      },
      START_TIMEOUT_MS,
    );
  });
}
