// Contract suite (docs/contract-suite.md): the shared rules cases, run against this app.
import { describeRulesContract } from '@testbed/contract-tests/suites/rules';
import { fastifyTarget } from './target';

describeRulesContract(fastifyTarget);
