import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import type { Circus } from '@jest/types';
import { TestEnvironment } from 'jest-environment-node';
import { keepFailedDatabases, readServerHandle } from '../config';
import { createTestDatabase, type TestDatabase } from '../database/test-database-server';
import { DATABASE_GLOBAL } from '../database/file-database';

/**
 * A Jest test environment that gives each test file a database of its own, cloned from the
 * migrated template before the file runs and dropped after it. Files on parallel workers
 * never share a database, so nothing needs --runInBand.
 */
export default class DatabaseEnvironment extends TestEnvironment {
  private database: TestDatabase | undefined;
  private failed = false;
  private readonly testPath: string;

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    this.testPath = context.testPath;
  }

  override async setup(): Promise<void> {
    await super.setup();
    this.database = await createTestDatabase(readServerHandle(process.env));
    this.global[DATABASE_GLOBAL] = { name: this.database.name, url: this.database.url };
  }

  handleTestEvent(event: Circus.Event): void {
    if (event.name === 'test_fn_failure' || event.name === 'hook_failure') this.failed = true;
  }

  override async teardown(): Promise<void> {
    if (this.database && this.failed && keepFailedDatabases(process.env)) {
      const url = await this.database.keep();
      process.stderr.write(`\nKept the database of ${this.testPath}:\n  psql ${url}\n`);
    } else {
      await this.database?.drop();
    }
    await super.teardown();
  }
}
