import pg from 'pg';
import { beginTestTransaction, createDatabaseReset } from '../src';
import { migrate } from '../tests/fixtures/sql-migrations';
import { measure, type Row } from './measure';

// What one typical API test leaves behind: a registration (user + verification), a second
// user, and a failed login.
const REALISTIC_WRITE = `
  WITH new_users AS (
    INSERT INTO users (name, email, password_hash)
    VALUES ('Ada', 'ada-' || gen_random_uuid() || '@example.test', 'x'),
           ('Bob', 'bob-' || gen_random_uuid() || '@example.test', 'x')
    RETURNING id
  )
  INSERT INTO email_verifications (user_id, token_hash, expires_at)
  SELECT id, md5(id::text) || md5(id::text), now() + interval '1 day' FROM new_users LIMIT 1;
  INSERT INTO login_attempts (email, client) VALUES ('ada@example.test', '127.0.0.1');`;

/** Writes, untimed, then times the reset alone; `runs` times. */
async function timeReset(write: () => Promise<unknown>, reset: () => Promise<void>, runs: number) {
  const durations: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    await write();
    durations.push(...(await measure(1, reset)));
  }
  return durations;
}

async function dropAndRecreate(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  await client.end();
  await migrate(url);
}

/** The cost of each way to isolate tests, after the write a typical test makes. */
export async function benchmarkResets(url: string, runs: number): Promise<Row[]> {
  // The app under test commits through its own pool; the resets see committed rows.
  const app = new pg.Pool({ connectionString: url, max: 2 });
  const appWrite = () => app.query(REALISTIC_WRITE);
  const rows: Row[] = [];

  for (const strategy of ['delete', 'truncate'] as const) {
    const database = await createDatabaseReset(url, { strategy });
    const durations = await timeReset(appWrite, database.reset, runs);
    rows.push({ what: strategy === 'delete' ? 'delete (the default)' : strategy, durations });
    await database.close();
  }

  const transaction = await beginTestTransaction(url);
  const inTransaction = () => transaction.client.query(REALISTIC_WRITE);
  rows.push({
    what: 'transaction (rollback to savepoint)',
    durations: await timeReset(inTransaction, transaction.reset, runs),
    note: 'correct only if the app runs on the handed connection',
  });
  await transaction.close();

  rows.push({
    what: 'drop and recreate all tables (baseline)',
    durations: await timeReset(appWrite, () => dropAndRecreate(url), Math.ceil(runs / 10)),
    note: 'fewer runs: it is slow',
  });
  await app.end();
  return rows;
}
