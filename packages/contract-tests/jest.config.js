// @ts-check
const { defineJestConfig } = require('@testbed/jest-config');

// The suites in src/ run in each app (its `contract` Jest project); here only the test that
// compares the two apps' OpenAPI documents runs, and it needs no database.
module.exports = defineJestConfig();
