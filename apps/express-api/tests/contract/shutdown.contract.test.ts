// Contract suite (docs/contract-suite.md): graceful shutdown on SIGTERM and SIGINT, run against
// this app started as its own process (docs/hardening/shutdown.md).
import { describeShutdownContract } from '@testbed/contract-tests/suites/shutdown';
import { expressTarget } from './target';

describeShutdownContract(expressTarget);
