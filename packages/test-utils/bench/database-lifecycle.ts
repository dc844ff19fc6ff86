import pg from 'pg';
import { createTestDatabase, startEmbeddedServer, type ServerHandle } from '../src';
import { measure, type Row } from './measure';

/** From nothing to a server that answers: initdb, start, first connection. */
export async function benchmarkServerStart(runs: number): Promise<Row> {
  const durations = await measure(runs, async () => {
    const server = await startEmbeddedServer();
    await server.stop();
  });
  return { what: 'embedded server: initdb + start + connect (+ stop)', durations };
}

/** What each test file pays: clone the template, connect, first query; then the drop. */
export async function benchmarkFileDatabase(server: ServerHandle, runs: number): Promise<Row[]> {
  const drops: (() => Promise<void>)[] = [];
  const ready = await measure(runs, async () => {
    const database = await createTestDatabase(server);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query('SELECT 1');
    await client.end();
    drops.push(database.drop);
  });
  const dropped = await measure(drops.length, () => (drops.pop() ?? (() => Promise.resolve()))());
  return [
    { what: 'per-file database: clone template + connect + query', durations: ready },
    { what: 'per-file database: drop', durations: dropped },
  ];
}
