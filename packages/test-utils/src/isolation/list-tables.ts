import type pg from 'pg';

/**
 * The tables migrators keep their history in. A reset that empties one makes the app's
 * migrator, run again on boot, apply every migration to a schema that already has them.
 * Names ending in `migrations` cover TypeORM, Drizzle, Prisma, Knex, node-pg-migrate,
 * MikroORM, golang-migrate and dbmate; these are the others.
 */
export const MIGRATION_TABLES: readonly string[] = [
  'knex_migrations_lock',
  'SequelizeMeta',
  'flyway_schema_history',
  'databasechangelog',
  'databasechangeloglock',
];

const otherMigrationTables = new Set(MIGRATION_TABLES.map((table) => table.toLowerCase()));

/** Tables kept as they are by every reset: migration bookkeeping, whatever the ORM calls it. */
export const isMigrationTable = (table: string) =>
  /migrations$/i.test(table) || otherMigrationTables.has(table.toLowerCase());

interface TableRow {
  name: string;
  relname: string;
  parents: string[];
}

/**
 * Every user table, children before the tables they reference, as quoted
 * `"schema"."table"` names, ready to be deleted in that order.
 */
export async function listTablesChildrenFirst(
  client: pg.Client,
  preserve: (table: string) => boolean = isMigrationTable,
): Promise<string[]> {
  const { rows } = await client.query<TableRow>(`
    SELECT format('%I.%I', n.nspname, c.relname) AS name, c.relname,
           coalesce(array_agg(DISTINCT format('%I.%I', pn.nspname, p.relname))
             FILTER (WHERE p.oid IS NOT NULL AND p.oid <> c.oid), '{}') AS parents
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_constraint fk ON fk.conrelid = c.oid AND fk.contype = 'f'
      LEFT JOIN pg_class p ON p.oid = fk.confrelid
      LEFT JOIN pg_namespace pn ON pn.oid = p.relnamespace
     WHERE c.relkind IN ('r', 'p')
       AND NOT c.relispartition
       AND n.nspname NOT IN ('pg_catalog', 'information_schema')
       AND n.nspname NOT LIKE 'pg_toast%'
     GROUP BY n.nspname, c.relname
     ORDER BY 1`);
  const tables = rows.filter((row) => !preserve(row.relname));
  return orderChildrenFirst(tables);
}

function orderChildrenFirst(tables: TableRow[]): string[] {
  const parentsOf = new Map(tables.map((table) => [table.name, table.parents]));
  const ordered: string[] = [];
  const visiting = new Set<string>();
  // Depth-first: a table is placed after every table that references it.
  const visit = (name: string) => {
    if (ordered.includes(name) || visiting.has(name)) return;
    visiting.add(name);
    for (const [child, parents] of parentsOf) if (parents.includes(name)) visit(child);
    ordered.push(name);
  };
  for (const table of parentsOf.keys()) visit(table);
  return ordered;
}
