// The types of test-utils' matchers (toBeProblem), which the contract suites this package
// imports use; jest.config.js loads them at run time.
import '@testbed/test-utils/matchers';
