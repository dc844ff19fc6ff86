// The differential suite's search settings (docs/hardening/differential.md): read from three
// variables, checked, and refused with a message that names the variable.
import { DEFAULT_DIFFERENTIAL_CONFIG, loadDifferentialConfig } from '../../src/differential/config';

describe('loadDifferentialConfig', () => {
  it('uses the defaults when no variable is set or all are empty', () => {
    const blank = {
      TESTBED_DIFFERENTIAL_RUNS: '',
      TESTBED_DIFFERENTIAL_SEED: ' ',
      TESTBED_DIFFERENTIAL_PATH: '',
    };

    expect(loadDifferentialConfig({})).toEqual(DEFAULT_DIFFERENTIAL_CONFIG);
    expect(loadDifferentialConfig(blank)).toEqual(DEFAULT_DIFFERENTIAL_CONFIG);
  });

  it('reads the run count, a negative seed and a path to replay', () => {
    const config = loadDifferentialConfig({
      TESTBED_DIFFERENTIAL_RUNS: '1000',
      TESTBED_DIFFERENTIAL_SEED: '-7',
      TESTBED_DIFFERENTIAL_PATH: '200:1:0:1',
    });

    expect(config).toEqual({ runs: 1000, seed: -7, path: '200:1:0:1' });
  });

  it.each([
    ['TESTBED_DIFFERENTIAL_RUNS', '0', /must be an integer from 1 to/],
    ['TESTBED_DIFFERENTIAL_SEED', '4294967296', /must be an integer from -2147483648 to/],
    ['TESTBED_DIFFERENTIAL_PATH', '3;1', /must be fast-check's path/],
  ])('refuses %s=%s with an error naming the variable and the value', (name, value, rule) => {
    const load = () => loadDifferentialConfig({ [name]: value });

    expect(load).toThrow(new RegExp(`^${name} `));
    expect(load).toThrow(rule);
    expect(load).toThrow(`"${value}"`);
  });
});
