import { listTablesChildrenFirst } from '@testbed/test-utils';
import pg from 'pg';

/**
 * Plain SQL on the test file's database, for what no response shows: that a request left
 * exactly one row, or nothing at all. Both apps share the schema (table and column names),
 * so the suites can read it without knowing the ORM.
 */
export interface ContractDatabase {
  rows<Row extends pg.QueryResultRow = pg.QueryResultRow>(
    sql: string,
    params?: unknown[],
  ): Promise<Row[]>;
  /** Every row of every table, in a stable order: equal snapshots mean nothing was written. */
  snapshot(): Promise<Record<string, unknown[]>>;
  close(): Promise<void>;
}

export async function openContractDatabase(url: string): Promise<ContractDatabase> {
  const client = new pg.Client({ connectionString: url, application_name: 'contract-suite' });
  await client.connect();
  const tables = await listTablesChildrenFirst(client);
  return {
    rows: async <Row extends pg.QueryResultRow>(sql: string, params?: unknown[]) =>
      (await client.query<Row>(sql, params)).rows,
    snapshot: async () => {
      const snapshot: Record<string, unknown[]> = {};
      for (const table of tables) {
        const { rows } = await client.query<{ row: unknown }>(
          `SELECT to_jsonb(t) AS row FROM ${table} t ORDER BY to_jsonb(t)::text`,
        );
        snapshot[table] = rows.map(({ row }) => row);
      }
      return snapshot;
    },
    close: () => client.end(),
  };
}
