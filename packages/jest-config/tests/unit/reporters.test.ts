// Where a run happens decides what it reports (docs/toolchain.md): annotations and a JUnit file
// on GitHub Actions, Jest's default output everywhere else.
import { reportersFor } from '../../index.js';

it("keeps Jest's default output outside GitHub Actions", () => {
  expect(reportersFor({ CI: 'true' })).toBeUndefined();
});

it('adds annotations and a JUnit report per package on GitHub Actions', () => {
  expect(reportersFor({ GITHUB_ACTIONS: 'true' })).toEqual([
    'default',
    'github-actions',
    [
      expect.stringContaining('jest-junit'),
      expect.objectContaining({ outputDirectory: 'reports', outputName: 'junit.xml' }),
    ],
  ]);
});
