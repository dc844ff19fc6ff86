// Isolation between tests, the transaction strategy: correct only when the app runs on the
// connection the test hands it. Both halves of that sentence are shown here.
import { beginTestTransaction, useTestDatabase } from '../../src';
import { countRows } from '../fixtures/sql';

const insertUser =
  "INSERT INTO users (name, email, password_hash) VALUES ('Ada', 'ada@example.test', 'x')";

const { url } = useTestDatabase();

describe('a test transaction', () => {
  it('rolls back what the app wrote on the handed connection, its own transactions included', async () => {
    const transaction = await beginTestTransaction(url);
    // What an ORM does for a transaction on a connection already inside one: a savepoint.
    await transaction.client.query(`SAVEPOINT app_tx; ${insertUser}; RELEASE SAVEPOINT app_tx`);

    await transaction.reset();
    const seenInside = await transaction.client.query('SELECT count(*) FROM users');
    await transaction.close();

    expect(seenInside.rows[0]).toEqual({ count: '0' });
    expect(await countRows(url, 'users')).toBe(0);
  });

  it('keeps uncommitted writes invisible to other connections while the test runs', async () => {
    const transaction = await beginTestTransaction(url);
    await transaction.client.query(insertUser);

    const seenOutside = await countRows(url, 'users');
    await transaction.close();

    expect(seenOutside).toBe(0);
  });

  it('fails loudly when the app commits the transaction it was handed', async () => {
    const transaction = await beginTestTransaction(url);
    await transaction.client.query(`${insertUser}; COMMIT`);

    const failure: unknown = await transaction.reset().catch((error: unknown) => error);
    await transaction.close();

    expect(failure).toMatchObject({
      message:
        'The test transaction is gone: the app committed or rolled back the transaction it ' +
        'was handed. Give the app this connection so that its transactions nest as ' +
        'savepoints, or isolate with createDatabaseReset().',
      // PostgreSQL's own word: no transaction to roll back to.
      cause: expect.objectContaining({ code: '25P01' }),
    });

    // The commit went through: the very leak this strategy cannot prevent.
    expect(await countRows(url, 'users')).toBe(1);
  });
});
