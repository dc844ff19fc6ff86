// Unit tests of reading Jest's --json report into one outcome per test (README.md).
import { FILE_LEVEL, outcomesOf, RUN_LEVEL, type JestJson } from '../../src/jest-report';

const fileResult = (
  status: string,
  tests: { fullName: string; status: string; failureMessages?: string[] }[],
  message = '',
) => ({ name: '/repo/pkg/tests/a.test.ts', status, message, assertionResults: tests });

describe('outcomesOf', () => {
  it('reads each test with its file relative to the package, and a passed run', () => {
    const report: JestJson = {
      testResults: [fileResult('passed', [{ fullName: 'A works', status: 'passed' }])],
    };

    const outcomes = outcomesOf('pkg', '/repo/pkg', report, 0, '');

    expect(outcomes).toEqual([
      {
        package: 'pkg',
        file: 'tests/a.test.ts',
        name: 'A works',
        status: 'passed',
        failure: undefined,
      },
      { package: 'pkg', file: '', name: RUN_LEVEL, status: 'passed', failure: undefined },
    ]);
  });

  it('keeps the first line of a failure message', () => {
    const failed = {
      fullName: 'A breaks',
      status: 'failed',
      failureMessages: ['\nError: boom\n  at x'],
    };
    const report: JestJson = { testResults: [fileResult('failed', [failed])] };

    const [outcome] = outcomesOf('pkg', '/repo/pkg', report, 1, '');

    expect(outcome).toMatchObject({ status: 'failed', failure: 'Error: boom' });
  });

  it('adds a file-level failure with its cause when a file failed with no failing test', () => {
    const report: JestJson = {
      testResults: [
        fileResult('failed', [], '  ● Test suite failed to run\n\n    Cannot find module x'),
      ],
    };

    const outcomes = outcomesOf('pkg', '/repo/pkg', report, 1, '');

    expect(outcomes).toContainEqual(
      expect.objectContaining({
        name: FILE_LEVEL,
        status: 'failed',
        failure: 'Cannot find module x',
      }),
    );
  });

  it('fails the run when Jest wrote no report, with the end of its stderr', () => {
    const outcomes = outcomesOf('pkg', '/repo/pkg', undefined, 1, 'globalSetup failed');

    expect(outcomes).toEqual([
      {
        package: 'pkg',
        file: '',
        name: RUN_LEVEL,
        status: 'failed',
        failure: 'globalSetup failed',
      },
    ]);
  });
});
