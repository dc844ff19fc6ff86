// Test environment on the server the harness starts itself: its names, its clone strategy, and
// when the run stops the server or leaves it running. Starting a real one is
// embedded-server.test.ts's job (in child processes, where it is slow); here a stand-in hands
// out this file's database server as if it had just started it. See docs/test-database.md.
import childProcess from 'node:child_process';
import { startHarness, testDatabase } from '../../src';
import { databasesStartingWith, dropDatabase, withClient } from '../../src/database/admin-client';
import { startEmbeddedServer } from '../../src/database/embedded-server';
import { createTestDatabase } from '../../src/database/test-database-server';
import { migrate } from '../fixtures/sql-migrations';

jest.mock('../../src/database/embedded-server', () => ({ startEmbeddedServer: jest.fn() }));

function givenOwnServer() {
  const server = {
    url: testDatabase().url,
    dataDir: '/nonexistent/testbed-pg',
    pid: 0,
    stop: jest.fn(() => Promise.resolve()),
    release: jest.fn(),
  };
  jest.mocked(startEmbeddedServer).mockResolvedValue(server);
  return server;
}

let appCount = 0;
// A new app name per test, so tests share no template.
const appSchema = () => ({
  appName: `own-${++appCount}`,
  migrate: jest.fn(migrate),
  fingerprint: 'v1',
});

afterAll(async () => {
  await withClient(testDatabase().url, async (client) => {
    for (const name of await databasesStartingWith(client, 'own_'))
      await dropDatabase(client, name);
  });
});

describe('startHarness on a server of its own', () => {
  it('names its databases <app>_test_…, clones them by file copy, and starts no watchdog', async () => {
    const server = givenOwnServer();
    const spawn = jest.spyOn(childProcess, 'spawn');
    const app = appSchema();
    const other = appSchema();

    const harness = await startHarness({ ...app, otherApps: [other] });
    await harness.stop();

    expect(harness.server).toEqual({
      adminUrl: server.url,
      template: `${app.appName.replace('-', '_')}_test_tpl_v1`,
      otherTemplates: { [other.appName]: `${other.appName.replace('-', '_')}_test_tpl_v1` },
      cloneStrategy: 'FILE_COPY',
      runPrefix: expect.stringMatching(/^own_\d+_test_[0-9a-f]{6}_$/) as unknown,
      keptPrefix: expect.stringMatching(/^own_\d+_test_kept_[0-9a-f]{6}_$/) as unknown,
    });
    expect(harness.embedded).toBe(server);
    expect(spawn).not.toHaveBeenCalled();
  });

  it('stops the server when the run kept no database', async () => {
    const server = givenOwnServer();
    const harness = await startHarness(appSchema());
    await createTestDatabase(harness.server);

    const { kept } = await harness.stop();

    expect(kept).toEqual([]);
    expect(server.stop).toHaveBeenCalledTimes(1);
    expect(server.release).not.toHaveBeenCalled();
  });

  it('leaves the server running for a kept database, and lets this process exit', async () => {
    const server = givenOwnServer();
    const harness = await startHarness(appSchema());
    const keptUrl = await (await createTestDatabase(harness.server)).keep();

    const { kept } = await harness.stop();

    expect(kept).toEqual([keptUrl]);
    expect(server.release).toHaveBeenCalledTimes(1);
    expect(server.stop).not.toHaveBeenCalled();
  });

  it('stops the server it started when the template cannot be built, and says why', async () => {
    const server = givenOwnServer();
    const broken = {
      ...appSchema(),
      migrate: () => Promise.reject(new Error('syntax error in 0002')),
    };

    await expect(startHarness(broken)).rejects.toThrow('syntax error in 0002');

    expect(server.stop).toHaveBeenCalledTimes(1);
  });
});
