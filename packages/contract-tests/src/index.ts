// The contract suites: each app runs them against itself from tests/contract/*.contract.test.ts.
export type { ContractTarget, RateLimitName, RunningApp, StartOptions } from './target';
export type { ContractDatabase } from './contract-database';
export {
  useContractApp,
  START,
  type ContractApp,
  type ContractAppOptions,
} from './use-contract-app';
export { describeAuthContract } from './suites/auth.contract';
export { describeUsersContract } from './suites/users.contract';
export { describeAdminContract } from './suites/admin.contract';
export { describeOperationsContract } from './suites/operations.contract';
export { describeProblemsContract } from './suites/problems.contract';
export { describeRulesContract } from './suites/rules.contract';
export { describeSecurityRulesContract } from './suites/security-rules.contract';
export { describeDatabaseFaultsContract } from './suites/database-faults.contract';
export { describeConcurrencyContract } from './suites/concurrency.contract';
export { describeShutdownContract } from './suites/shutdown.contract';
export { describeShutdownKeepAliveContract } from './suites/shutdown-keep-alive.contract';
export { describeSlowClientsContract } from './suites/slow-clients.contract';
export { describeHostileInputContract } from './suites/hostile-input.contract';
export { describeHostileEncodingContract } from './suites/hostile-encoding.contract';
export { describeHostileTokensContract } from './suites/hostile-tokens.contract';
export { describeHostileSqlContract } from './suites/hostile-sql.contract';
export { describePublishedSecretsContract } from './suites/published-secrets.contract';
export { describeLoginThrottleContract } from './suites/login-throttle.contract';
export { describeRequestLimitsContract } from './suites/request-limits.contract';
export { describePasswordBreachContract } from './suites/password-breach.contract';
export { createContractApi, type Client, type ContractApi } from './api-client';
export { compareOpenApiDocuments } from './openapi-diff/compare-documents';
export { describeDifferentialContract } from './suites/differential.contract';
export { describeFrameworkDifferencesContract } from './suites/framework-differences.contract';
