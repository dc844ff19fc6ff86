export {
  createDatabaseReset,
  type DatabaseReset,
  type ResetOptions,
  type ResetStrategy,
} from './database-reset';
export { MIGRATION_TABLES, isMigrationTable, listTablesChildrenFirst } from './list-tables';
export { beginTestTransaction, type TestTransaction } from './test-transaction';
