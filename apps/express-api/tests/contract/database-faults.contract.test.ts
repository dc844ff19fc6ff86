// Contract suite (docs/hardening/faults.md): the database cut off or too slow, run against this app.
import { describeDatabaseFaultsContract } from '@testbed/contract-tests/suites/database-faults';
import { expressTarget } from './target';

describeDatabaseFaultsContract(expressTarget);
