// Contract suite (docs/contract-suite.md): the shared concurrency cases, run against this app.
import { describeConcurrencyContract } from '@testbed/contract-tests/suites/concurrency';
import { fastifyTarget } from './target';

describeConcurrencyContract(fastifyTarget);
