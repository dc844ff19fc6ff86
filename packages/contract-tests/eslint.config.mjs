// @ts-check
import { defineConfig } from '@testbed/eslint-config';

export default [
  ...defineConfig(import.meta.dirname),
  // The suites in src/ are tests that each app runs: the test rules apply to them too.
  {
    files: ['src/suites/**'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
];
