// Test environment: the database a test file gets, and what the environment does with it after
// the file (drop it, or keep it for inspection). The environment calls these where Jest's
// coverage cannot see; here they run on this run's server, under a run prefix of their own.
// See docs/test-database.md.
import pg from 'pg';
import { readServerHandle } from '../../src/config';
import {
  createDatabase,
  databasesStartingWith,
  dropDatabase,
  withClient,
} from '../../src/database/admin-client';
import { withDatabase } from '../../src/database/connection-url';
import { createTestDatabase, runPrefixes } from '../../src/database/test-database-server';

const BASE = 'server_spec_test';
const ownServer = () => ({ ...readServerHandle(process.env), ...runPrefixes(BASE) });
const databases = () =>
  withClient(ownServer().adminUrl, (client) => databasesStartingWith(client, `${BASE}_`));

afterEach(async () => {
  await withClient(ownServer().adminUrl, async (client) => {
    for (const name of await databasesStartingWith(client, `${BASE}_`))
      await dropDatabase(client, name);
  });
});

describe("a test file's database", () => {
  it('is gone once dropped', async () => {
    const database = await createTestDatabase(ownServer());

    await database.drop();

    expect(await databases()).toEqual([]);
  });

  it('is kept under the kept prefix, its URL returned, even with a session still open on it', async () => {
    const server = ownServer();
    const database = await createTestDatabase(server);
    // An app's pool the file left open: keeping ends it, as renaming needs no other session.
    const session = new pg.Client({ connectionString: database.url });
    session.on('error', () => undefined);
    await session.connect();

    const keptUrl = await database.keep();
    await session.end();

    const kept = `${server.keptPrefix}${database.name.slice(server.runPrefix.length)}`;
    expect(keptUrl).toBe(withDatabase(server.adminUrl, kept));
    expect(await databases()).toEqual([kept]);
  });
});

describe('createDatabase', () => {
  it('clones the template with the strategy the server handle names', async () => {
    const { adminUrl, template } = ownServer();
    const name = `${BASE}_strategy`;

    const sent = await withClient(adminUrl, async (client) => {
      const query = jest.spyOn(client, 'query');
      await createDatabase(client, name, { name: template, strategy: 'FILE_COPY' });
      return query.mock.calls.map(([sql]) => sql);
    });

    expect(sent).toEqual([`CREATE DATABASE "${name}" TEMPLATE "${template}" STRATEGY FILE_COPY`]);
    expect(await databases()).toEqual([name]);
  });

  it('creates a database whose name holds double quotes under exactly that name', async () => {
    const name = `${BASE}_"quoted"`;

    await withClient(ownServer().adminUrl, (client) => createDatabase(client, name));

    expect(await databases()).toEqual([name]);
  });
});
