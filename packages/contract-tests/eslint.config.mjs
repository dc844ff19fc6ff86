// @ts-check
import { defineConfig, testRules } from '@testbed/eslint-config';

export default [
  ...defineConfig(import.meta.dirname),
  // The suites in src/ are tests that each app runs, and the hostile/ helpers assert for them:
  // the test rules apply to them too.
  testRules(['src/suites/**', 'src/hostile/**']),
  // A suite is a function the apps' test files call, so it is exported by design.
  { files: ['src/suites/**', 'src/hostile/**'], rules: { 'jest/no-export': 'off' } },
];
