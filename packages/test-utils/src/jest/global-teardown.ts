import { stopHarness } from './global-setup';

/** Jest `globalTeardown`: drops the run's databases and stops the embedded server. */
export default stopHarness;
