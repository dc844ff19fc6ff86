// @ts-check
// The example's own code, under the repo's rules. The harness copy in tests/support is made by
// copy-test-utils on every run, and linted where it comes from, packages/test-utils.
import { defineConfig } from '@testbed/eslint-config';

export default [{ ignores: ['tests/support/test-utils/**'] }, ...defineConfig(import.meta.dirname)];
