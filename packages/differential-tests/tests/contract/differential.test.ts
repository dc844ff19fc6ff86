// Differential testing (docs/hardening/differential.md): the two implementations of one
// contract, started side by side in this process, each on its own database, sent the same
// generated request sequences. Any answer that differs fails with the shrunk sequence.
import { describeDifferentialContract } from '@testbed/contract-tests';
import { expressTarget } from 'express-api/contract-target';
import { fastifyTarget } from 'fastify-api/contract-target';

describeDifferentialContract(expressTarget, fastifyTarget);
