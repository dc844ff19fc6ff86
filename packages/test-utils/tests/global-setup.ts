import { createGlobalSetup } from '../src';
import { fixtureHarness } from './fixtures/sql-migrations';

export default createGlobalSetup(fixtureHarness);
