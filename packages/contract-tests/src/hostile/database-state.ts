import type { ContractDatabase } from '../contract-database';

const statements = new WeakMap<ContractDatabase, Promise<string>>();

// One statement that returns every row of every table, as ContractDatabase.snapshot() does in
// one query per table: the properties take two states per generated case, so it counts.
async function stateStatement(db: ContractDatabase): Promise<string> {
  const tables = await db.rows<{ name: string; label: string }>(
    `SELECT format('%I.%I', schemaname, tablename) AS name, tablename AS label
       FROM pg_tables
      WHERE schemaname = 'public' AND tablename NOT LIKE '%migrations'
      ORDER BY tablename`,
  );
  const columns = tables.map(
    ({ name, label }) =>
      `'${label}', (SELECT coalesce(jsonb_agg(to_jsonb(t) ORDER BY to_jsonb(t)::text), '[]') FROM ${name} t)`,
  );
  return `SELECT jsonb_build_object(${columns.join(', ')}) AS state`;
}

/**
 * Every row of every table but `except`, in one round trip: equal states before and after a
 * request mean it wrote nothing (a refused login may still record its attempt, hence except).
 */
export async function databaseState(
  db: ContractDatabase,
  ...except: readonly string[]
): Promise<Record<string, unknown>> {
  let statement = statements.get(db);
  if (!statement) {
    statement = stateStatement(db);
    statements.set(db, statement);
  }
  const [row] = await db.rows<{ state: Record<string, unknown> }>(await statement);
  return Object.fromEntries(
    Object.entries(row?.state ?? {}).filter(([table]) => !except.includes(table)),
  );
}
