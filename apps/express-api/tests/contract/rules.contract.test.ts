// Contract suite (docs/contract-suite.md): the shared rules cases, run against this app.
import { describeRulesContract } from '@testbed/contract-tests/suites/rules';
import { expressTarget } from './target';

describeRulesContract(expressTarget);
