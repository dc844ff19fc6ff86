import fc from 'fast-check';
import { loadPropertyConfig } from './config';

/**
 * A property test's time limit: Jest's 5 s default fits the default run count only. A bigger
 * search gets room for every run and the shrinking after a failure, so it never times out and
 * leaves requests running into the next test.
 */
export const propertyTimeout = (): number => 5_000 + loadPropertyConfig().runs * 100;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Runs a property with the configured seed and run count. On failure fast-check's report
 * (seed, path, the shrunk counterexample) gets one more line: the command that generates the
 * same cases again and runs this test alone.
 */
export async function checkProperty<Ts>(app: string, property: fc.IAsyncProperty<Ts>) {
  const { runs, seed } = loadPropertyConfig();
  try {
    await fc.assert(property, { numRuns: runs, seed });
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    const test = escapeRegExp(expect.getState().currentTestName ?? '').replaceAll("'", "'\\''");
    error.message +=
      `\nReplay: TESTBED_PROPERTY_SEED=${seed} TESTBED_PROPERTY_RUNS=${runs} ` +
      `pnpm --filter ${app} test:contract -t '${test}'`;
    throw error;
  }
}
