// @ts-check
// pnpm test:mutation (docs/mutation-testing.md): would the suites fail if this code were wrong?
import { defineStrykerConfig } from '@testbed/mutation-testing';

export default defineStrykerConfig({
  packageDir: import.meta.dirname,
  // What Jest's coverage leaves out too: the process wiring, tested by starting the app.
  mutate: [
    'src/**/*.ts',
    '!src/server.ts',
    '!src/db/default-database.ts',
    '!src/mail/smtp-mailer.ts',
  ],
  breakAt: 99,
});
