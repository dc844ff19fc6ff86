// Contract suite (docs/contract-suite.md): the shared problems cases, run against this app.
import { describeProblemsContract } from '@testbed/contract-tests';
import { expressTarget } from './target';

describeProblemsContract(expressTarget);
