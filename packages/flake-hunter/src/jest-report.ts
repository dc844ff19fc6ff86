import { relative } from 'node:path';

/** One test's result in one run. `name` is Jest's full name: describe titles, then the test. */
export interface Outcome {
  package: string;
  file: string;
  name: string;
  status: string;
  /** The first line of the first failure message, if it failed. */
  failure?: string | undefined;
}

/** The parts of Jest's `--json` output read here. */
export interface JestJson {
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { fullName: string; status: string; failureMessages?: string[] }[];
  }[];
}

/** Outside any test: a file that failed to load, or a hook that failed around its tests. */
export const FILE_LEVEL = '(the file, outside its tests)';
/** The Jest process itself: its exit code, or no report at all. */
export const RUN_LEVEL = '(the Jest run)';

// Jest heads a failure with `● Test suite failed to run` or the test's name: the cause follows.
const firstLine = (text: string | undefined) =>
  text
    ?.split('\n')
    .map((line) => line.trim())
    .find((line) => line !== '' && !line.startsWith('●'));

type FileResult = JestJson['testResults'][number];

function fileOutcomes(pkg: string, root: string, result: FileResult): Outcome[] {
  const file = relative(root, result.name);
  const outcomes: Outcome[] = result.assertionResults.map((test) => ({
    package: pkg,
    file,
    name: test.fullName,
    status: test.status,
    failure: firstLine(test.failureMessages?.[0]),
  }));
  const testFailed = outcomes.some((outcome) => outcome.status === 'failed');
  if (result.status === 'failed' && !testFailed) {
    const failure = firstLine(result.message);
    outcomes.push({ package: pkg, file, name: FILE_LEVEL, status: 'failed', failure });
  }
  return outcomes;
}

/**
 * Every test of one package's run, plus one outcome for the run itself, so that a run that
 * crashed, or exited non-zero with every test green, shows up as a change or a failure too.
 */
export function outcomesOf(
  pkg: string,
  root: string,
  report: JestJson | undefined,
  exitCode: number | null,
  stderrTail: string,
): Outcome[] {
  const tests = report
    ? report.testResults.flatMap((result) => fileOutcomes(pkg, root, result))
    : [];
  const passed = exitCode === 0 && report !== undefined;
  // The end of stderr, whole: after a crash, the cause may be on any of its last lines.
  const failure = passed ? undefined : stderrTail.trim() || `exit code ${String(exitCode)}`;
  const run = { package: pkg, file: '', name: RUN_LEVEL, status: passed ? 'passed' : 'failed' };
  return [...tests, { ...run, failure }];
}
