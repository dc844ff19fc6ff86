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
  /**
   * Every row of every table but those named in `except`, keyed by table, in a stable order:
   * equal snapshots before and after a request mean it wrote nothing (a refused login may
   * still record its attempt, hence `except`).
   */
  snapshot(...except: readonly string[]): Promise<Record<string, unknown[]>>;
  close(): Promise<void>;
}

/** `"public"."users"` → `users`: the name a suite says in `except`. */
const tableName = (quoted: string) => quoted.split('.').pop()?.replaceAll('"', '') ?? quoted;

export async function openContractDatabase(url: string): Promise<ContractDatabase> {
  const client = new pg.Client({ connectionString: url, application_name: 'contract-suite' });
  await client.connect();
  // One statement for all tables: the properties take two snapshots per generated case.
  const tables = await listTablesChildrenFirst(client);
  const everyRow = tables.map(
    (table) =>
      `'${tableName(table)}', (SELECT coalesce(jsonb_agg(to_jsonb(t) ORDER BY to_jsonb(t)::text), '[]') FROM ${table} t)`,
  );
  const snapshotStatement = `SELECT jsonb_build_object(${everyRow.join(', ')}) AS snapshot`;
  return {
    rows: async <Row extends pg.QueryResultRow>(sql: string, params?: unknown[]) =>
      (await client.query<Row>(sql, params)).rows,
    snapshot: async (...except) => {
      const { rows } = await client.query<{ snapshot: Record<string, unknown[]> }>(
        snapshotStatement,
      );
      const tablesRows = Object.entries(rows[0]?.snapshot ?? {});
      return Object.fromEntries(tablesRows.filter(([table]) => !except.includes(table)));
    },
    close: () => client.end(),
  };
}
