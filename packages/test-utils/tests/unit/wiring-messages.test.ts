// Copying the harness: when Jest is not wired to it, the error says what to add in terms that
// hold in a copy (file names in the copied folder), not this repo's package names or paths.
// See docs/guides/copy-test-utils.md.
import { testDatabase } from '../../src';
import { readServerHandle } from '../../src/config';

const monorepoNames = /@testbed|packages\/test-utils/;

describe('the harness not wired into Jest', () => {
  it('names the globalSetup and globalTeardown to add when no server is running', () => {
    const read = () => readServerHandle({});

    expect(read).toThrow(/globalSetup/);
    expect(read).toThrow(/jest\/global-teardown\.ts/);
    expect(read).not.toThrow(monorepoNames);
  });

  it('names the test environment file to set when a file has no database', () => {
    const read = () => testDatabase();

    expect(read).toThrow(/testEnvironment/);
    expect(read).toThrow(/jest\/database-environment\.ts/);
    expect(read).not.toThrow(monorepoNames);
  });
});
