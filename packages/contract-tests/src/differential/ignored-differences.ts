import type { Observed } from './normalise';
import type { Step } from './steps';

/**
 * Differences the comparison lets pass: each a framework limit that cannot be removed, written
 * down with its reason in docs/api-contract.md, and matched as narrowly as it can be.
 */
interface IgnoredDifference {
  reason: string;
  matches(step: Step, observed: readonly [Observed, Observed]): boolean;
}

export const IGNORED_DIFFERENCES: readonly IgnoredDifference[] = [];

export const isIgnored = (step: Step, observed: readonly [Observed, Observed]): boolean =>
  IGNORED_DIFFERENCES.some((ignored) => ignored.matches(step, observed));
