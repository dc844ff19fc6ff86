// Contract suite (docs/contract-suite.md): the generated hostile-tokens cases, run against this app.
import { describeHostileTokensContract } from '@testbed/contract-tests/suites/hostile-tokens';
import { fastifyTarget } from './target';

describeHostileTokensContract(fastifyTarget);
