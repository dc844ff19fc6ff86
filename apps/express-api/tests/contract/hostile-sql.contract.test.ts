// Contract suite (docs/contract-suite.md): the generated hostile-sql cases, run against this app.
import { describeHostileSqlContract } from '@testbed/contract-tests/suites/hostile-sql';
import { expressTarget } from './target';

describeHostileSqlContract(expressTarget);
