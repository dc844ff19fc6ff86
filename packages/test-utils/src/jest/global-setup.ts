import { externalServerFrom, reuseHarness, writeServerHandle } from '../config';
import { stopAndReport } from '../database/stop-harness';
import { startHarness, type Harness, type HarnessOptions } from '../database/test-database-harness';

// globalSetup and globalTeardown run in the same process: this is how one reaches the other.
const running = globalThis as typeof globalThis & { testbedHarness?: Harness };

/**
 * Builds a Jest `globalSetup`: one server and one migrated template for the whole run.
 * Workers find the server through the environment they inherit.
 *
 *   // tests/global-setup.ts
 *   export default createGlobalSetup({ appName: 'my-api', migrate, fingerprint });
 */
export function createGlobalSetup(options: Omit<HarnessOptions, 'externalServer'>) {
  return async function globalSetup(): Promise<void> {
    const harness =
      running.testbedHarness ??
      (await startHarness({ ...options, externalServer: externalServerFrom(process.env) }));
    running.testbedHarness = harness;
    writeServerHandle(process.env, harness.server);
  };
}

export async function stopHarness(): Promise<void> {
  const harness = running.testbedHarness;
  if (!harness || reuseHarness(process.env)) return;
  delete running.testbedHarness;
  await stopAndReport(harness);
}
