export {
  createDatabaseReset,
  type DatabaseReset,
  type ResetOptions,
  type ResetStrategy,
} from './database-reset';
export { isMigrationTable, listTablesChildrenFirst } from './list-tables';
export { beginTestTransaction, type TestTransaction } from './test-transaction';
