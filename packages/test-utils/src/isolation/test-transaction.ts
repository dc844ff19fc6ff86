import pg from 'pg';

/**
 * The transaction strategy: one connection per test file holds a transaction open, each
 * test runs inside a savepoint, and a reset rolls back to it. It is the cheapest reset, but
 * it is correct only when the app under test runs every query on this connection, so that
 * its own transactions become savepoints (TypeORM's query runner and Drizzle's `tx` both
 * nest that way). An app that takes connections from its own pool commits outside the test's
 * transaction, and the rollback then undoes nothing: use `createDatabaseReset` there.
 * Tests of concurrency cannot use it either: there is only one connection.
 */
export interface TestTransaction {
  /** The connection to hand to the app. */
  client: pg.Client;
  /** Undoes everything since the previous reset. */
  reset: () => Promise<void>;
  close: () => Promise<void>;
}

const SAVEPOINT = 'testbed_test';

export async function beginTestTransaction(url: string): Promise<TestTransaction> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`BEGIN; SAVEPOINT ${SAVEPOINT}`);
  return {
    client,
    reset: async () => {
      try {
        await client.query(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
      } catch (error) {
        // Error's `cause` option needs lib ES2022, newer than many projects' tsconfig.
        throw Object.assign(
          new Error(
            'The test transaction is gone: the app committed or rolled back the transaction it ' +
              'was handed. Give the app this connection so that its transactions nest as ' +
              'savepoints, or isolate with createDatabaseReset().',
          ),
          { cause: error },
        );
      }
    },
    close: async () => {
      // Stryker disable next-line StringLiteral: ending the connection rolls back too; this one only makes close() wait for it
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end();
    },
  };
}
