// Contract suite (docs/contract-suite.md): the generated hostile-input cases, run against this app.
import { describeHostileInputContract } from '@testbed/contract-tests/suites/hostile-input';
import { fastifyTarget } from './target';

describeHostileInputContract(fastifyTarget);
