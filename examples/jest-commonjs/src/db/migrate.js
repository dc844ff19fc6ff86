// @ts-check
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const pg = require('pg');

const migrationsFolder = join(__dirname, 'migrations');

/**
 * Applies the SQL files not yet applied, in name order, and closes its connection.
 * @param {string} url
 */
async function migrate(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY)');
    const { rows } = await client.query('SELECT name FROM schema_migrations');
    const applied = new Set(rows.map((row) => row.name));
    for (const file of readdirSync(migrationsFolder).sort()) {
      if (applied.has(file)) continue;
      await client.query(readFileSync(join(migrationsFolder, file), 'utf8'));
      await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
    }
  } finally {
    await client.end();
  }
}

module.exports = { migrate, migrationsFolder };
