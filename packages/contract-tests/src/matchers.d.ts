// The types of test-utils' matchers (toBeProblem); each app's Jest setup loads them at run time.
import '@testbed/test-utils/matchers';
