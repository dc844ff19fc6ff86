import { drizzle, type NodePgDatabase, type NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgTransaction } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { DEFAULT_DATABASE_TIMEOUTS, type DatabaseTimeouts } from '../config';
import * as schema from './schema';

export type Schema = typeof schema;

export type Database = NodePgDatabase<Schema> & { $client: pg.Pool };
export type Transaction = PgTransaction<
  NodePgQueryResultHKT,
  Schema,
  ExtractTablesWithRelations<Schema>
>;
/** What a repository runs its queries on: the database, or a transaction handed to it. */
export type Executor = NodePgDatabase<Schema> | Transaction;

/** The one row an INSERT or UPDATE … RETURNING wrote; none means the database broke its promise. */
export function onlyRow<Row>(rows: Row[]): Row {
  const [row] = rows;
  if (row === undefined) throw new Error('The statement returned no row.');
  return row;
}

export interface PoolOptions {
  max?: number;
  timeouts?: DatabaseTimeouts;
  /** Told when an idle connection drops (a restart, a failover); the pool replaces it. */
  onConnectionLost?: (error: Error) => void;
}

/**
 * The app's pool. Its limits turn a slow or missing database into an error the app answers
 * with 503 instead of a request that hangs: PostgreSQL cancels a statement that runs past
 * `statementMs` (waiting for a lock included), and a connection not had within `connectMs`
 * (the server gone, or every connection busy) is given up.
 */
export function createPool(url: string, options: PoolOptions = {}): pg.Pool {
  const {
    max = 10,
    timeouts = DEFAULT_DATABASE_TIMEOUTS,
    onConnectionLost = () => undefined,
  } = options;
  const pool = new pg.Pool({
    connectionString: url,
    max,
    application_name: 'fastify-api',
    statement_timeout: timeouts.statementMs,
    connectionTimeoutMillis: timeouts.connectMs,
  });
  // Without a listener, an idle connection dropped by the server would crash the process.
  pool.on('error', onConnectionLost);
  return pool;
}

export function createDatabase(pool: pg.Pool): Database {
  // Stryker disable next-line ObjectLiteral: equivalent today: the schema serves Drizzle's relational queries (`db.query`), which no repository uses yet
  return drizzle(pool, { schema });
}
