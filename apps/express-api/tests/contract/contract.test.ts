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
import { expressTarget } from './target';

// #region run-suites
// What every client sees: the contract, area by area.
describeAuthContract(expressTarget);
describeUsersContract(expressTarget);
describeAdminContract(expressTarget);
describeOperationsContract(expressTarget);
describeProblemsContract(expressTarget);
describeRulesContract(expressTarget);
describeSecurityRulesContract(expressTarget);
// Where Express and Fastify differ by default, and the rule both keep (docs/hardening/differential.md).
describeFrameworkDifferencesContract(expressTarget);

// Hardening (docs/hardening/README.md): races, a failing database, signals, hostile input.
describeConcurrencyContract(expressTarget);
describeDatabaseFaultsContract(expressTarget);
describeShutdownContract(expressTarget);
describeShutdownKeepAliveContract(expressTarget);
describeSlowClientsContract(expressTarget);
describeHostileInputContract(expressTarget);
describeHostileEncodingContract(expressTarget);
describeHostileTokensContract(expressTarget);
describeHostileSqlContract(expressTarget);
describePublishedSecretsContract(expressTarget);

// Abuse: login throttling behind proxies, limits on costly requests (docs/hardening/security.md).
describeLoginThrottleContract(expressTarget);
describeRequestLimitsContract(expressTarget);

// External services: the breached-password check against a range server on loopback
// (docs/external-services.md).
describePasswordBreachContract(expressTarget);
// #endregion
