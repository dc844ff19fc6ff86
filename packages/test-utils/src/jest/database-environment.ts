import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import type { Circus } from '@jest/types';
import { TestEnvironment } from 'jest-environment-node';
import { keepFailedDatabases, readServerHandle } from '../config';
import { createTestDatabase, type TestDatabase } from '../database/test-database-server';
import { DATABASE_GLOBAL, OTHER_DATABASES_GLOBAL } from '../database/file-database';

/**
 * A Jest test environment that gives each test file a database of its own, cloned from the
 * migrated template before the file runs and dropped after it. Files on parallel workers
 * never share a database, so nothing needs --runInBand.
 */
export default class DatabaseEnvironment extends TestEnvironment {
  private database: TestDatabase | undefined;
  /** One per other app's schema (HarnessOptions.otherApps), by app name. */
  private others: [string, TestDatabase][] = [];
  private failed = false;
  private readonly testPath: string;

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    this.testPath = context.testPath;
  }

  override async setup(): Promise<void> {
    await super.setup();
    const server = readServerHandle(process.env);
    this.database = await createTestDatabase(server);
    this.global[DATABASE_GLOBAL] = { name: this.database.name, url: this.database.url };
    for (const [app, template] of Object.entries(server.otherTemplates ?? {}))
      this.others.push([app, await createTestDatabase({ ...server, template })]);
    this.global[OTHER_DATABASES_GLOBAL] = Object.fromEntries(
      this.others.map(([app, { name, url }]) => [app, { name, url }]),
    );
  }

  handleTestEvent(event: Circus.Event): void {
    if (event.name === 'test_fn_failure' || event.name === 'hook_failure') this.failed = true;
  }

  override async teardown(): Promise<void> {
    const databases = this.others.map(([, database]) => database);
    if (this.database) databases.unshift(this.database);
    for (const database of databases) {
      if (this.failed && keepFailedDatabases(process.env)) {
        const url = await database.keep();
        process.stderr.write(`\nKept the database of ${this.testPath}:\n  psql ${url}\n`);
      } else {
        await database.drop();
      }
    }
    await super.teardown();
  }
}
