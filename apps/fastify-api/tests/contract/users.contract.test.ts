// Contract suite (docs/contract-suite.md): the shared users cases, run against this app.
import { describeUsersContract } from '@testbed/contract-tests/suites/users';
import { fastifyTarget } from './target';

describeUsersContract(fastifyTarget);
