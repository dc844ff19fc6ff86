// Contract suite (docs/contract-suite.md): the shared admin cases, run against this app.
import { describeAdminContract } from '@testbed/contract-tests/suites/admin';
import { expressTarget } from './target';

describeAdminContract(expressTarget);
