import { compareObserved } from './compare';
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

const CONNECTION_HEADERS = ['connection', 'keep-alive'];

const withoutConnectionHeaders = ({ headers, ...rest }: Observed): Observed => ({
  ...rest,
  headers: Object.fromEntries(
    Object.entries(headers).filter(([name]) => !CONNECTION_HEADERS.includes(name)),
  ),
});

export const IGNORED_DIFFERENCES: readonly IgnoredDifference[] = [
  {
    reason:
      'A 401 or 403 goes before the body is read; whether all of it had arrived by then (so the ' +
      'connection can stay open) depends on when each framework runs its code, not on a rule.',
    matches: (step, [left, right]) =>
      step.kind === 'request' &&
      step.body !== undefined &&
      (left.status === 401 || left.status === 403) &&
      compareObserved(withoutConnectionHeaders(left), withoutConnectionHeaders(right)).length === 0,
  },
];

export const isIgnored = (step: Step, observed: readonly [Observed, Observed]): boolean =>
  IGNORED_DIFFERENCES.some((ignored) => ignored.matches(step, observed));
