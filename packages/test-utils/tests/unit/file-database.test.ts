// Unit tests, no database: how a test file finds its database of another app's schema, which the
// test environment hands it through a global (HarnessOptions.otherApps; docs/test-database.md).
import { OTHER_DATABASES_GLOBAL, otherFileDatabase } from '../../src/database/file-database';

const globals = globalThis as Record<string, unknown>;
const given = globals[OTHER_DATABASES_GLOBAL];
afterEach(() => {
  globals[OTHER_DATABASES_GLOBAL] = given;
});

describe('otherFileDatabase', () => {
  it("returns this file's database of the app named", () => {
    const billing = {
      name: 'billing_test_ab12cd_1',
      url: 'postgres://localhost/billing_test_ab12cd_1',
    };
    globals[OTHER_DATABASES_GLOBAL] = { billing };

    expect(otherFileDatabase('billing')).toEqual(billing);
  });

  it.each([
    ['no other app has a database', {}],
    ['the test environment gave none at all', undefined],
  ])('says to name the app in otherApps when %s', (_case, databases) => {
    globals[OTHER_DATABASES_GLOBAL] = databases;

    expect(() => otherFileDatabase('billing')).toThrow(
      'This test file has no database for "billing": name it in otherApps of createGlobalSetup().',
    );
  });
});
