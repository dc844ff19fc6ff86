// Unit tests, no database: the environment variables the harness reads, and what each one means.
// See the README's "Running against your own PostgreSQL" and docs/test-database.md.
import {
  externalServerFrom,
  jestWorkerId,
  keepFailedDatabases,
  reuseHarness,
} from '../../src/config';

describe('externalServerFrom', () => {
  it('takes TEST_DATABASE_URL over DATABASE_URL, and says which variable named it', () => {
    const env = {
      TEST_DATABASE_URL: 'postgres://localhost/app_test',
      DATABASE_URL: 'postgres://localhost/app',
    };

    expect(externalServerFrom(env)).toEqual({
      url: 'postgres://localhost/app_test',
      variable: 'TEST_DATABASE_URL',
    });
  });

  it.each([{}, { TEST_DATABASE_URL: '' }])(
    'falls back to DATABASE_URL when TEST_DATABASE_URL is %j',
    (unset) => {
      const env = { ...unset, DATABASE_URL: 'postgres://localhost/shared_test' };

      expect(externalServerFrom(env)).toEqual({
        url: 'postgres://localhost/shared_test',
        variable: 'DATABASE_URL',
      });
    },
  );

  it.each([{}, { TEST_DATABASE_URL: '', DATABASE_URL: '' }])(
    'names no server, so the embedded one starts, with %j',
    (env) => {
      expect(externalServerFrom(env)).toBeUndefined();
    },
  );
});

describe.each([
  ['TESTBED_KEEP_FAILED_DB', keepFailedDatabases],
  ['TESTBED_REUSE_HARNESS', reuseHarness],
])('the switch %s', (variable, isSet) => {
  it.each(['1', 'true'])('is on when set to %j', (value) => {
    expect(isSet({ [variable]: value })).toBe(true);
  });

  it.each([undefined, '', '0', 'false', 'yes'])('is off when set to %j', (value) => {
    expect(isSet({ [variable]: value })).toBe(false);
  });
});

describe('jestWorkerId', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it("is the Jest worker's number", () => {
    process.env.JEST_WORKER_ID = '3';

    expect(jestWorkerId()).toBe('3');
  });

  it('is "0" outside Jest, where there is one process', () => {
    delete process.env.JEST_WORKER_ID;

    expect(jestWorkerId()).toBe('0');
  });
});
