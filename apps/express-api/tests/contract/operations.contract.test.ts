// Contract suite (docs/contract-suite.md): the shared operations cases, run against this app.
import { describeOperationsContract } from '@testbed/contract-tests/suites/operations';
import { expressTarget } from './target';

describeOperationsContract(expressTarget);
