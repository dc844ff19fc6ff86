import fc from 'fast-check';
import { compareObserved } from './compare';
import {
  DEFAULT_DIFFERENTIAL_CONFIG,
  loadDifferentialConfig,
  type DifferentialConfig,
} from './config';
import { drive, type DrivenApp } from './drive';
import { isIgnored } from './ignored-differences';
import { Labeller, observe } from './normalise';
import { formatDivergence } from './report';
import { stepSequence } from './sequences';
import type { Step } from './steps';

/** The two apps, ready for a sequence: `prepare` empties their databases and resets mail and clock. */
export interface Pair {
  apps: [DrivenApp, DrivenApp];
  prepare(): Promise<void>;
}

export interface HuntCounts {
  sequences: number;
  requests: number;
}

class Divergence extends Error {}

/** Sends every step to both apps at once and fails at the first answer that differs. */
async function runSequence(pair: Pair, steps: Step[], counts: HuntCounts): Promise<void> {
  await pair.prepare();
  counts.sequences += 1;
  const labellers = [new Labeller(), new Labeller()] as const;
  for (const [at, step] of steps.entries()) {
    const [left, right] = await Promise.all(pair.apps.map((driven) => drive(driven, step)));
    if (!left || !right) continue;
    counts.requests += 2;
    const observed = [observe(left, labellers[0]), observe(right, labellers[1])] as const;
    const differences = compareObserved(...observed);
    if (differences.length > 0 && !isIgnored(step, observed))
      throw new Divergence(
        formatDivergence({
          steps,
          at,
          names: [pair.apps[0].name, pair.apps[1].name],
          observed: [...observed],
          differences,
        }),
      );
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const shellQuote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;

/**
 * Runs the configured number of generated sequences on both apps. A difference fails with the
 * shrunk sequence, both answers side by side, and the variables that replay it.
 */
export async function checkSequences(
  pair: Pair,
  config: DifferentialConfig = loadDifferentialConfig(),
): Promise<HuntCounts> {
  const counts: HuntCounts = { sequences: 0, requests: 0 };
  const property = fc.asyncProperty(stepSequence, (steps) => runSequence(pair, steps, counts));
  const details = await fc.check(property, {
    numRuns: config.runs,
    seed: config.seed,
    path: config.path,
    endOnFailure: config.path !== undefined,
  });
  // A long hunt says how much it tried, for its report; the default run stays quiet.
  if (config.runs !== DEFAULT_DIFFERENTIAL_CONFIG.runs)
    process.stderr.write(
      `differential: ${counts.sequences} sequences, ${counts.requests} requests (seed ${config.seed})\n`,
    );
  if (!details.failed) return counts;
  const cause = details.errorInstance;
  const found = cause instanceof Divergence ? cause.message : String(cause);
  const test = expect.getState().currentTestName ?? '';
  throw new Error(
    [
      found,
      '',
      `After ${details.numRuns} sequence(s), shrunk ${details.numShrinks} time(s): seed ${details.seed}, path "${details.counterexamplePath ?? ''}".`,
      `Replay: TESTBED_DIFFERENTIAL_SEED=${details.seed} TESTBED_DIFFERENTIAL_PATH=${details.counterexamplePath ?? ''} ` +
        `pnpm --filter @testbed/differential-tests test -t ${shellQuote(escapeRegExp(test))}`,
    ].join('\n'),
    // A divergence is all in the message; anything else (a crash) keeps its stack as the cause.
    cause instanceof Divergence ? {} : { cause },
  );
}
