// Workflow suite (3 of 4 kinds): the admin bootstrap's refusal as an operator meets it, from
// the real server.ts run as its own process on this file's database. See docs/express-api.md.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appEnvironment,
  launchAppProcess,
  type AppProcess,
} from '@testbed/contract-tests/app-process';
import { testDatabase } from '@testbed/test-utils';
import { expressTarget } from '../../contract/target';
import { useTestApp } from '../../helpers/test-app';

// Starting the app from source takes a second or two, more on a busy machine.
const START_TIMEOUT_MS = 30_000;

const t = useTestApp();
let outboxDir: string;
let app: AppProcess | undefined;

beforeAll(async () => {
  outboxDir = await mkdtemp(join(tmpdir(), 'express-api-outbox-'));
});

afterEach(async () => {
  await app?.stop();
});

afterAll(async () => {
  await rm(outboxDir, { recursive: true, force: true });
});

describe('server.ts with ADMIN_EMAIL', () => {
  it(
    'exits 1 before listening, with one line on stderr naming ADMIN_EMAIL, when a user has the address',
    async () => {
      const email = t.given.email('future-admin');
      await t.api
        .post('/api/auth/register')
        .send({ name: 'First Comer', email, password: 'first comer password' })
        .expect(201);
      const registered = await t.repos.users.findByEmail(email);
      const admin = { ADMIN_EMAIL: email, ADMIN_PASSWORD: 'admin password 1' };

      app = launchAppProcess(expressTarget, {
        ...appEnvironment(testDatabase().url, outboxDir),
        ...admin,
      });
      // Whichever comes first, so that an app that starts anyway fails here, not at the timeout.
      const outcome = await Promise.race([
        app.exited,
        app.listening().then(({ baseUrl }) => `listening on ${baseUrl}`),
      ]);

      expect(outcome).toEqual({ code: 1, signal: null });
      expect(app.stderr()).toMatch(/^express-api failed to start: ADMIN_EMAIL [^\n]+\n$/);
      await expect(app.listening()).rejects.toThrow(/exited before it logged its URL/);
      expect(await t.repos.users.findByEmail(email)).toEqual(registered);
    },
    START_TIMEOUT_MS,
  );
});
