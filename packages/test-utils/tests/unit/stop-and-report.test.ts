// Unit tests, no database: what the end of a run tells a person about the databases of failed
// test files it kept (TESTBED_KEEP_FAILED_DB=1; docs/test-database.md). The harness is a stand-in
// whose stop() reports what a real one would have kept.
import type { EmbeddedServer } from '../../src/database/embedded-server';
import { stopAndReport } from '../../src/database/stop-harness';
import type { Harness } from '../../src/database/test-database-harness';

const server = {
  adminUrl: 'postgres://localhost/app_test',
  template: 'app_test_tpl_v1',
  runPrefix: 'app_test_ab12cd_',
  keptPrefix: 'app_test_kept_ab12cd_',
};

function harnessKeeping(kept: string[], embedded?: Pick<EmbeddedServer, 'pid' | 'dataDir'>) {
  const stop = jest.fn(() => Promise.resolve({ kept }));
  const running = embedded && { ...embedded, url: '', stop: jest.fn(), release: jest.fn() };
  const harness: Harness = { server, embedded: running, stop };
  return { harness, stop };
}

// Restored after each test by the shared Jest config (restoreMocks).
let stderr: jest.SpiedFunction<typeof process.stderr.write>;
beforeEach(() => {
  stderr = jest.spyOn(process.stderr, 'write').mockReturnValue(true);
});

const written = () => stderr.mock.calls.map(([chunk]) => String(chunk)).join('');

describe('stopAndReport', () => {
  it('stops the harness and says nothing when no database was kept', async () => {
    const { harness, stop } = harnessKeeping([]);

    await stopAndReport(harness);

    expect(stop).toHaveBeenCalledTimes(1);
    expect(written()).toBe('');
  });

  it('gives a psql line for each kept database', async () => {
    const kept = [
      'postgres://localhost/app_test_kept_ab12cd_1',
      'postgres://localhost/app_test_kept_ab12cd_2',
    ];
    const { harness } = harnessKeeping(kept);

    await stopAndReport(harness);

    expect(written()).toBe(
      '\nDatabases of failed test files, kept for you:\n' +
        '  psql postgres://localhost/app_test_kept_ab12cd_1\n' +
        '  psql postgres://localhost/app_test_kept_ab12cd_2\n',
    );
  });

  it('says how to stop the embedded server left running to hold them', async () => {
    const { harness } = harnessKeeping(['postgres://localhost/app_test_kept_ab12cd_1'], {
      pid: 4242,
      dataDir: '/dev/shm/testbed-pg-x',
    });

    await stopAndReport(harness);

    expect(written()).toBe(
      '\nDatabases of failed test files, kept for you:\n' +
        '  psql postgres://localhost/app_test_kept_ab12cd_1\n' +
        'The embedded server is still running. Stop it with: kill 4242 && rm -rf /dev/shm/testbed-pg-x\n',
    );
  });
});
