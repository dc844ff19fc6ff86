// Test environment with otherApps: useTestDatabase({ app }) gives a file its database of another
// app's schema, which the environment hands it beside its own. This file's own database stands in
// for it, under another name, as this run's harness has no other app. See docs/test-database.md.
import { testDatabase, useTestDatabase } from '../../src';
import { OTHER_DATABASES_GLOBAL } from '../../src/database/file-database';

const billing = { name: 'billing_stand_in', url: testDatabase().url };
(globalThis as Record<string, unknown>)[OTHER_DATABASES_GLOBAL] = { billing };

const db = useTestDatabase({ app: 'billing' });

describe('useTestDatabase({ app })', () => {
  it("is this file's database of that app", () => {
    expect(db).toBe(billing);
  });
});
