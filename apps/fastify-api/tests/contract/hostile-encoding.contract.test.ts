// Contract suite (docs/contract-suite.md): the generated hostile-encoding cases, run against this app.
import { describeHostileEncodingContract } from '@testbed/contract-tests/suites/hostile-encoding';
import { fastifyTarget } from './target';

describeHostileEncodingContract(fastifyTarget);
