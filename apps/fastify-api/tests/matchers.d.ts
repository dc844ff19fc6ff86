// The types of test-utils' matchers (toBeProblem); jest.config.js loads them at run time.
import '@testbed/test-utils/matchers';
