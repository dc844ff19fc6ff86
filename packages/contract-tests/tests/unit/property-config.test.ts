// The property suites' search settings (docs/hardening/hostile-input.md): read from two
// variables, checked, and refused with a message that names the variable.
import { DEFAULT_PROPERTY_CONFIG, loadPropertyConfig } from '../../src/hostile/config';

describe('loadPropertyConfig', () => {
  it('uses the defaults when neither variable is set or both are empty', () => {
    expect(loadPropertyConfig({})).toEqual(DEFAULT_PROPERTY_CONFIG);
    expect(loadPropertyConfig({ TESTBED_PROPERTY_RUNS: '', TESTBED_PROPERTY_SEED: ' ' })).toEqual(
      DEFAULT_PROPERTY_CONFIG,
    );
  });

  it('reads the run count and a negative seed', () => {
    const config = loadPropertyConfig({
      TESTBED_PROPERTY_RUNS: '2000',
      TESTBED_PROPERTY_SEED: '-7',
    });

    expect(config).toEqual({ runs: 2000, seed: -7 });
  });

  it.each([
    ['TESTBED_PROPERTY_RUNS', 'abc'],
    ['TESTBED_PROPERTY_RUNS', '0'],
    ['TESTBED_PROPERTY_RUNS', '2.5'],
    ['TESTBED_PROPERTY_RUNS', '1e3'],
    ['TESTBED_PROPERTY_SEED', '0x10'],
    ['TESTBED_PROPERTY_SEED', '4294967296'],
  ])('refuses %s=%s with an error naming the variable and the value', (name, value) => {
    expect(() => loadPropertyConfig({ [name]: value })).toThrow(
      new RegExp(`^${name} must be an integer from .+, got "${value.replace('.', '\\.')}"\\.$`),
    );
  });
});
