import pg from 'pg';
import { isMigrationTable, listTablesChildrenFirst } from './list-tables';

/** What brings a test database back to its migrated, empty state between tests. */
export interface DatabaseReset {
  reset: () => Promise<void>;
  close: () => Promise<void>;
}

export type ResetStrategy = 'delete' | 'truncate';

export interface ResetOptions {
  strategy?: ResetStrategy;
  /**
   * Tables whose rows survive a reset (reference data, or a migrator's bookkeeping that
   * isMigrationTable does not know), by name or by pattern. Migration tables always do.
   */
  preserve?: (string | RegExp)[];
}

function resetStatement(strategy: ResetStrategy | undefined, tables: string[]): string {
  // Nothing to empty: an empty query, which PostgreSQL answers like any other.
  if (tables.length === 0) return '';
  if (strategy === 'truncate') return `TRUNCATE ${tables.join(', ')} RESTART IDENTITY CASCADE`;
  return tables.map((table) => `DELETE FROM ${table}`).join(';\n');
}

/**
 * Opens a connection of its own to the test database and returns a reset that empties
 * every table in one round trip. Correct whatever the app does with its own connections
 * and transactions, because it runs between tests, on committed data.
 *
 * - `delete` (default): `DELETE FROM` each table, children first. Cheapest on the small
 *   tables a test leaves behind; sequences keep counting (use UUIDs or don't assert ids).
 * - `truncate`: one `TRUNCATE … RESTART IDENTITY CASCADE`. Resets sequences and copes
 *   with foreign-key cycles, but costs a fixed ~1–2 ms per call whatever the table sizes.
 */
export async function createDatabaseReset(
  url: string,
  options: ResetOptions = {},
): Promise<DatabaseReset> {
  const client = new pg.Client({ connectionString: url });
  // A connection the server ends (the file's database dropped with a client still open) fails
  // the next reset with its reason, instead of the runner with an 'error' event no one heard.
  client.on('error', () => undefined);
  await client.connect();
  // Stryker disable next-line ArrayDeclaration: a default list naming a table that no schema has keeps nothing more
  const preserve = options.preserve ?? [];
  const preserved = (table: string) =>
    preserve.some((kept) => (typeof kept === 'string' ? kept === table : kept.test(table)));
  const tables = await listTablesChildrenFirst(
    client,
    (table) => isMigrationTable(table) || preserved(table),
  );
  const statement = resetStatement(options.strategy, tables);
  return {
    reset: async () => {
      await client.query(statement);
    },
    close: () => client.end(),
  };
}
