// Contract suite (docs/contract-suite.md): the shared auth cases, run against this app.
import { describeAuthContract } from '@testbed/contract-tests/suites/auth';
import { fastifyTarget } from './target';

describeAuthContract(fastifyTarget);
