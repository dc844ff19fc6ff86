// Contract suite (docs/contract-suite.md): the shared problems cases, run against this app.
import { describeProblemsContract } from '@testbed/contract-tests/suites/problems';
import { fastifyTarget } from './target';

describeProblemsContract(fastifyTarget);
