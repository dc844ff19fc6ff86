// setupFilesAfterEnv: runs before each test file, before the file imports the app. The app
// reads DATABASE_URL when src/db.ts is first imported, so it is set here to this file's own
// database; the module registry is per file, so each file gets its own connection pool.
// #region singleton
import { useTestDatabase } from './support/test-utils';

const database = useTestDatabase();
process.env.DATABASE_URL = database.url;

afterAll(async () => {
  const { db } = await import('../src/db');
  await db.destroy();
});
// #endregion
