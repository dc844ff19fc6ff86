import type { ServerHandle } from './database/test-database-server';

type Env = Record<string, string | undefined>;

/**
 * The variables the harness reads, in one place:
 * - TEST_DATABASE_URL, else DATABASE_URL: run on that server instead of an embedded one.
 *   Its database must be named as a test database; the harness creates others beside it.
 * - TESTBED_KEEP_FAILED_DB=1: keep a test file's database when one of its tests failed.
 * - TESTBED_REUSE_HARNESS=1: keep the server and template for the next Jest run in the same
 *   process (a mutation-testing worker runs Jest once per mutant); see reuseHarness().
 */
export function externalServerFrom(env: Env): { url: string; variable: string } | undefined {
  for (const variable of ['TEST_DATABASE_URL', 'DATABASE_URL']) {
    const url = env[variable];
    if (url !== undefined && url !== '') return { url, variable };
  }
  return undefined;
}

const isOn = (value: string | undefined) => value === '1' || value === 'true';

export const keepFailedDatabases = (env: Env) => isOn(env.TESTBED_KEEP_FAILED_DB);

/**
 * Set by `pnpm test:mutation`: Stryker calls Jest's runCLI once per mutant in the same worker
 * process, and a server started and a template built for each call would cost more than most
 * mutants' tests. The worker's exit stops the server (the orphan reaper watches it).
 */
export const reuseHarness = (env: Env) => isOn(env.TESTBED_REUSE_HARNESS);

// How the Jest parent hands the server to its workers: environment variables, inherited.
const HANDLE_VARIABLE = 'TESTBED_SERVER';

export function writeServerHandle(env: Env, handle: ServerHandle): void {
  env[HANDLE_VARIABLE] = JSON.stringify(handle);
}

export function readServerHandle(env: Env): ServerHandle {
  const value = env[HANDLE_VARIABLE];
  if (value === undefined) {
    throw new Error(
      'No test database server is running: the Jest config needs a globalSetup file that ' +
        'exports createGlobalSetup({ appName, migrate, fingerprint }), and globalTeardown ' +
        "set to the harness's jest/global-teardown.ts.",
    );
  }
  return JSON.parse(value) as ServerHandle;
}

/** Jest numbers its workers from 1; outside Jest there is one process, "0". */
export const jestWorkerId = (): string => process.env.JEST_WORKER_ID ?? '0';
