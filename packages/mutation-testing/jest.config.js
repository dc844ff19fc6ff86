// @ts-check
const { defineJestConfig } = require('@testbed/jest-config');

// The tooling's own logic, no database: what Stryker runs is measured by running it.
module.exports = defineJestConfig();
