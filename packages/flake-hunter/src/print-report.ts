import { isRealTest, type Comparison, type TestHistory } from './compare-rounds';
import type { Outcome } from './jest-report';
import type { Round } from './round-plan';

const out = (text: string) => process.stdout.write(`${text}\n`);

const describeRound = (round: Round) =>
  `round ${round.round} (--seed=${round.seed}, --maxWorkers=${round.workers})`;

export function printRoundLine(round: Round, outcomes: Outcome[], seconds: number): void {
  const tests = outcomes.filter(isRealTest);
  const failed = tests.filter((outcome) => outcome.status === 'failed').length;
  out(
    `  ${describeRound(round)}: ${tests.length} tests, ${failed} failed, ${seconds.toFixed(1)} s`,
  );
}

function printHistory(label: string, history: TestHistory): void {
  const where = history.file === '' ? history.package : `${history.package} › ${history.file}`;
  out(`\n  ${label}  ${where}\n    ${history.name}`);
  for (const [status, rounds] of history.rounds) {
    out(`    ${status.padEnd(7)} in ${rounds.map(describeRound).join(', ')}`);
  }
  const [first = '', ...more] = history.failure?.split('\n') ?? [];
  if (history.failure !== undefined) out(`    first failure: ${first}`);
  for (const line of more) out(`      ${line}`);
}

export function printComparison(comparison: Comparison, rounds: number, wallSeconds: number) {
  for (const history of comparison.changed) printHistory('CHANGED', history);
  for (const history of comparison.alwaysFailed) printHistory('FAILED ', history);
  const count = (histories: TestHistory[]) => histories.filter(isRealTest).length;
  const outside = [...comparison.changed, ...comparison.alwaysFailed].length;
  const tests = count(comparison.changed) + count(comparison.alwaysFailed);
  out(
    `\n${comparison.tests} tests × ${rounds} rounds = ${comparison.testRuns} test runs ` +
      `in ${wallSeconds.toFixed(0)} s wall: ${count(comparison.changed)} changed (flaky), ` +
      `${count(comparison.alwaysFailed)} failed in every round` +
      (outside > tests ? `; ${outside - tests} file- or run-level entries above.` : '.'),
  );
}
