// Isolation between tests: the delete reset empties each child before the tables it
// references, so the order listTablesChildrenFirst gives is what keeps foreign keys
// satisfied. See docs/test-database.md.
import pg from 'pg';
import { listTablesChildrenFirst, useTestDatabase } from '../../src';
import { query } from '../fixtures/sql';

const { url } = useTestDatabase();

async function tablesIn(schema: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const tables = await listTablesChildrenFirst(client).finally(() => client.end());
  return tables.filter((table) => table.startsWith(`${schema}.`));
}

it('lists each table once, every child before the tables it references, whatever their names', async () => {
  await query(
    url,
    `CREATE SCHEMA ordering;
     CREATE TABLE ordering.a_parent (id int PRIMARY KEY);
     CREATE TABLE ordering.b_child (
       id int PRIMARY KEY,
       parent int REFERENCES ordering.a_parent,
       previous int REFERENCES ordering.b_child
     );
     CREATE TABLE ordering.c_grandchild (
       child int REFERENCES ordering.b_child,
       parent int REFERENCES ordering.a_parent
     );
     CREATE TABLE ordering.d_alone (id int PRIMARY KEY);`,
  );

  const tables = await tablesIn('ordering');

  expect(tables).toEqual([
    'ordering.c_grandchild',
    'ordering.b_child',
    'ordering.a_parent',
    'ordering.d_alone',
  ]);
});

it('lists tables that reference each other once each', async () => {
  await query(
    url,
    `CREATE SCHEMA cycle;
     CREATE TABLE cycle.a_left (id int PRIMARY KEY, right_id int);
     CREATE TABLE cycle.b_right (id int PRIMARY KEY, left_id int REFERENCES cycle.a_left);
     ALTER TABLE cycle.a_left ADD FOREIGN KEY (right_id) REFERENCES cycle.b_right;`,
  );

  const tables = await tablesIn('cycle');

  expect(tables).toEqual(['cycle.b_right', 'cycle.a_left']);
});
