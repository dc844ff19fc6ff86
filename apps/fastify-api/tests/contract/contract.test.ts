// The shared contract suites (docs/contract-suite.md), each run against this app. One test file
// for all of them: each suite starts its own app on the file's database, and Jest loads a
// file's modules once rather than once per suite (docs/speed.md). One suite alone:
// `pnpm test:contract -t "concurrent requests"`, or any part of its name.
import {
  describeAuthContract,
  describeUsersContract,
  describeAdminContract,
  describeOperationsContract,
  describeProblemsContract,
  describeRulesContract,
  describeSecurityRulesContract,
  describeConcurrencyContract,
  describeDatabaseFaultsContract,
  describeShutdownContract,
  describeShutdownKeepAliveContract,
  describeSlowClientsContract,
  describeHostileInputContract,
  describeHostileEncodingContract,
  describeHostileTokensContract,
  describeHostileSqlContract,
  describePublishedSecretsContract,
  describeLoginThrottleContract,
  describeRequestLimitsContract,
  describePasswordBreachContract,
  describeFrameworkDifferencesContract,
} from '@testbed/contract-tests';
import { fastifyTarget } from './target';

// #region run-suites
// What every client sees: the contract, area by area.
describeAuthContract(fastifyTarget);
describeUsersContract(fastifyTarget);
describeAdminContract(fastifyTarget);
describeOperationsContract(fastifyTarget);
describeProblemsContract(fastifyTarget);
describeRulesContract(fastifyTarget);
describeSecurityRulesContract(fastifyTarget);
// Where Express and Fastify differ by default, and the rule both keep (docs/hardening/differential.md).
describeFrameworkDifferencesContract(fastifyTarget);

// Hardening (docs/hardening/README.md): races, a failing database, signals, hostile input.
describeConcurrencyContract(fastifyTarget);
describeDatabaseFaultsContract(fastifyTarget);
describeShutdownContract(fastifyTarget);
describeShutdownKeepAliveContract(fastifyTarget);
describeSlowClientsContract(fastifyTarget);
describeHostileInputContract(fastifyTarget);
describeHostileEncodingContract(fastifyTarget);
describeHostileTokensContract(fastifyTarget);
describeHostileSqlContract(fastifyTarget);
describePublishedSecretsContract(fastifyTarget);

// Abuse: login throttling behind proxies, limits on costly requests (docs/hardening/security.md).
describeLoginThrottleContract(fastifyTarget);
describeRequestLimitsContract(fastifyTarget);

// External services: the breached-password check against a range server on loopback
// (docs/external-services.md).
describePasswordBreachContract(fastifyTarget);
// #endregion
