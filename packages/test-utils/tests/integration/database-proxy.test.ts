// The proxy behind the fault suites (docs/hardening/faults.md): it must really cut the
// database off, and really give it back.
import net from 'node:net';
import pg from 'pg';
import { proxyDatabase, useTestDatabase, type DatabaseProxy } from '../../src';
import { findFreePort } from '../../src/database/free-port';

const { url } = useTestDatabase();
let proxy: DatabaseProxy;
const clients: pg.Client[] = [];

async function connect(to: string, options: pg.ClientConfig = {}): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: to, ...options });
  // A cut connection reports an error event as well as failing its query.
  client.on('error', () => undefined);
  clients.push(client);
  await client.connect();
  return client;
}

// A session-level lock is freed only when its session ends: waiting for it is waiting for
// the server to end the session, with no polling. The timeout turns a session that never
// ends into a failure rather than a hang.
async function takeLockOnceFreed(key: number): Promise<void> {
  const observer = await connect(url);
  await observer.query("SET lock_timeout = '3s'");
  await observer.query('SELECT pg_advisory_lock($1)', [key]);
}

const reaches = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

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

it('gives a URL to itself on loopback that keeps the credentials, database and parameters', async () => {
  const elsewhere = await proxyDatabase('postgres://app:secret@db.example.test:6543/app?x=1');
  await elsewhere.close();

  expect(elsewhere.url).toMatch(/^postgres:\/\/app:secret@127\.0\.0\.1:\d+\/app\?x=1$/);
  expect(new URL(elsewhere.url).port).not.toBe('6543');
});

it('listens on the IPv4 loopback address only', async () => {
  const port = Number(new URL(proxy.url).port);

  expect(await reaches('127.0.0.1', port)).toBe(true);
  expect(await reaches('::1', port)).toBe(false);
});

it('resets the connections that are open when the database is cut', async () => {
  const client = await connect(proxy.url);

  proxy.cut();

  await expect(client.query('SELECT 1')).rejects.toMatchObject({ code: 'ECONNRESET' });
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
  await client.query('SELECT pg_advisory_lock(1)');

  proxy.cut();

  await expect(takeLockOnceFreed(1)).resolves.toBeUndefined();
});

it('ends the session on the database when the app side of a connection breaks', async () => {
  const socket = new net.Socket();
  const client = await connect(proxy.url, { stream: () => socket });
  await client.query('SELECT pg_advisory_lock(2)');

  socket.resetAndDestroy();

  await expect(takeLockOnceFreed(2)).resolves.toBeUndefined();
});

it('resets the app side of a connection when the database server cannot be reached', async () => {
  const nowhere = await proxyDatabase(`postgres://app@127.0.0.1:${await findFreePort()}/app`);

  const connecting = connect(nowhere.url, { connectionTimeoutMillis: 3000 });

  await expect(connecting.finally(() => nowhere.close())).rejects.toMatchObject({
    code: 'ECONNRESET',
  });
});

it('resets the connections still open when it closes, and refuses new ones', async () => {
  const client = await connect(proxy.url);

  await proxy.close();

  await expect(client.query('SELECT 1')).rejects.toThrow();
  await expect(connect(proxy.url)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
});
