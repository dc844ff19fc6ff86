// A Vitest setup file (`setupFiles`): it runs before each test file, in that file's context,
// and gives the file a database of its own, cloned from the migrated template, dropped after
// the file (or kept, with TESTBED_KEEP_FAILED_DB=1, when one of its tests failed).
import { afterAll, beforeAll, inject } from 'vitest';
import { keepFailedDatabases } from '../config';
import { DATABASE_GLOBAL } from '../database/file-database';
import { planTestDatabase } from '../database/test-database-server';
import { SERVER_KEY } from './global-setup';

interface TaskLike {
  name: string;
  result?: { state?: string };
  tasks?: TaskLike[];
}

const hasFailed = (task: TaskLike): boolean =>
  task.result?.state === 'fail' || (task.tasks ?? []).some(hasFailed);

const server = inject(SERVER_KEY);
if (server === undefined) {
  throw new Error(
    'No test database server is running: the Vitest config needs a globalSetup file that ' +
      "exports createGlobalSetup({ appName, migrate, fingerprint }) from the harness's " +
      'vitest/index.ts.',
  );
}
// Named now, so the file can read its URL as it loads; made before the file's own hooks run.
const database = planTestDatabase(server);
(globalThis as Record<string, unknown>)[DATABASE_GLOBAL] = {
  name: database.name,
  url: database.url,
};

beforeAll(() => database.create());

// eslint-disable-next-line no-empty-pattern -- Vitest reads the hook's first argument, a pattern
afterAll(async ({}, file: TaskLike) => {
  if (hasFailed(file) && keepFailedDatabases(process.env)) {
    const url = await database.keep();
    process.stderr.write(`\nKept the database of ${file.name}:\n  psql ${url}\n`);
  } else {
    await database.drop();
  }
});
