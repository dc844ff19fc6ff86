// The proxy behind the fault suites (docs/hardening/faults.md): it must really cut the
// database off, and really give it back.
import pg from 'pg';
import { proxyDatabase, useTestDatabase, type DatabaseProxy } from '../../src';

const { url } = useTestDatabase();
let proxy: DatabaseProxy;
const clients: pg.Client[] = [];

async function connect(to: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: to });
  // A cut connection reports an error event as well as failing its query.
  client.on('error', () => undefined);
  clients.push(client);
  await client.connect();
  return client;
}

beforeEach(async () => {
  proxy = await proxyDatabase(url);
});

afterEach(async () => {
  await proxy.close();
  await Promise.all(clients.splice(0).map((client) => client.end().catch(() => undefined)));
});

it('passes queries through to the database while it is up', async () => {
  const client = await connect(proxy.url);

  const { rows } = await client.query<{ name: string }>('SELECT current_database() AS name');

  expect(rows).toEqual([{ name: new URL(url).pathname.slice(1) }]);
});

it('breaks the connections that are open when the database is cut', async () => {
  const client = await connect(proxy.url);

  proxy.cut();

  await expect(client.query('SELECT 1')).rejects.toThrow();
});

it('refuses new connections while the database is cut', async () => {
  proxy.cut();

  await expect(connect(proxy.url)).rejects.toThrow();
});

it('lets new connections through again once the database is restored', async () => {
  proxy.cut();
  await expect(connect(proxy.url)).rejects.toThrow();

  proxy.restore();
  const client = await connect(proxy.url);

  expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
});

it('ends the server side of a cut connection, so no session is left on the database', async () => {
  const client = await connect(proxy.url);
  const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const observer = await connect(url);

  const sessionIsOpen = async () =>
    (await observer.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [rows[0]?.pid]))
      .rowCount === 1;
  expect(await sessionIsOpen()).toBe(true);

  proxy.cut();

  // The server notices the closed socket on its own schedule: wait for it, a while.
  const deadline = Date.now() + 3000;
  while ((await sessionIsOpen()) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 10));
  expect(await sessionIsOpen()).toBe(false);
});
