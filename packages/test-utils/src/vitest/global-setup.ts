import { externalServerFrom } from '../config';
import { stopAndReport } from '../database/stop-harness';
import { startHarness, type HarnessOptions } from '../database/test-database-harness';
import type { ServerHandle } from '../database/test-database-server';

/** The key under which globalSetup provides the server to the test files (`inject()`). */
export const SERVER_KEY = 'testbedServer';

declare module 'vitest' {
  export interface ProvidedContext {
    // Absent when the config lacks the globalSetup: the setup file says so.
    [SERVER_KEY]?: ServerHandle;
  }
}

/** What Vitest passes to a globalSetup function (a TestProject); only `provide` is used. */
interface GlobalSetupProject {
  provide: (key: typeof SERVER_KEY, value: ServerHandle) => void;
}

/**
 * Builds a Vitest `globalSetup`: one server and one migrated template for the whole run,
 * provided to every test file; the function it returns is Vitest's teardown.
 *
 *   // tests/global-setup.ts
 *   export default createGlobalSetup({ appName: 'my-api', migrate, fingerprint });
 */
export function createGlobalSetup(options: Omit<HarnessOptions, 'externalServer'>) {
  return async function globalSetup(project: GlobalSetupProject): Promise<() => Promise<void>> {
    const harness = await startHarness({
      ...options,
      externalServer: externalServerFrom(process.env),
    });
    project.provide(SERVER_KEY, harness.server);
    return () => stopAndReport(harness);
  };
}
