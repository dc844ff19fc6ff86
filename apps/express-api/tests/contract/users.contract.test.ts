// Contract suite (docs/contract-suite.md): the shared users cases, run against this app.
import { describeUsersContract } from '@testbed/contract-tests/suites/users';
import { expressTarget } from './target';

describeUsersContract(expressTarget);
