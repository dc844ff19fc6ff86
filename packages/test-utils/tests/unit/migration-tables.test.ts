// Isolation between tests: a reset empties the app's tables but never the migrators' own
// bookkeeping, whichever ORM or migrator the copy lands in. See docs/test-database.md.
import { isMigrationTable } from '../../src';

describe('isMigrationTable', () => {
  it.each([
    ['TypeORM', 'migrations'],
    ['Drizzle', '__drizzle_migrations'],
    ['Prisma', '_prisma_migrations'],
    ['Knex', 'knex_migrations'],
    ['Knex', 'knex_migrations_lock'],
    ['node-pg-migrate', 'pgmigrations'],
    ['Sequelize', 'SequelizeMeta'],
    ['MikroORM', 'mikro_orm_migrations'],
    ['golang-migrate and dbmate', 'schema_migrations'],
    ['Flyway', 'flyway_schema_history'],
    ['Liquibase', 'databasechangelog'],
    ['Liquibase', 'databasechangeloglock'],
  ])('recognises the history table of %s, %s', (_migrator, table) => {
    expect(isMigrationTable(table)).toBe(true);
  });

  it.each(['users', 'migration_plans', 'migrations_to_review', 'sequelize_users', 'knex_jobs'])(
    'leaves the app table %s to be reset',
    (table) => {
      expect(isMigrationTable(table)).toBe(false);
    },
  );
});
