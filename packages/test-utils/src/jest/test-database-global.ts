/** The global through which the test environment hands a file its database. */
export const DATABASE_GLOBAL = '__TESTBED_DATABASE__';

export interface FileDatabase {
  name: string;
  url: string;
}
