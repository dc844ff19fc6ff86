// Unit suite: the migrations and the schema in code describe the same database. Drizzle reads
// columns through src/db/schema.ts, while the database is built by the SQL migrations alone: a
// schema change without `pnpm db:generate` would pass every query test until it mattered (a
// `timestamp` read as local time, a default the database does not have).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDrizzleJson, generateMigration } from 'drizzle-kit/api';
import * as schema from '../../src/db/schema';

const META = join(__dirname, '../../src/db/migrations/meta');

function lastMigrationSnapshot(): unknown {
  const [last] = readdirSync(META)
    .filter((file) => file.endsWith('_snapshot.json'))
    .sort()
    .reverse();
  if (!last) throw new Error(`No migration snapshot in ${META}`);
  return JSON.parse(readFileSync(join(META, last), 'utf8')) as unknown;
}

describe('the migrations', () => {
  it('build exactly the schema the code declares: generating a migration finds nothing to do', async () => {
    const fromCode = generateDrizzleJson(schema);

    const statements = await generateMigration(lastMigrationSnapshot(), fromCode);

    expect(statements).toEqual([]);
  });
});
