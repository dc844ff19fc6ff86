// The contract suites: each app runs them against itself from tests/contract/*.contract.test.ts.
export type { ContractTarget, RunningApp, StartOptions } from './target';
export type { ContractDatabase } from './contract-database';
export { useContractApp, START, type ContractApp } from './use-contract-app';
export { describeAuthContract } from './suites/auth.contract';
export { describeUsersContract } from './suites/users.contract';
export { describeAdminContract } from './suites/admin.contract';
export { describeOperationsContract } from './suites/operations.contract';
export { describeProblemsContract } from './suites/problems.contract';
export { describeRulesContract } from './suites/rules.contract';
export { createContractApi, type Client, type ContractApi } from './api-client';
export { compareOpenApiDocuments } from './openapi-diff/compare-documents';
