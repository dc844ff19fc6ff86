// @ts-check
const { defineJestConfig } = require('@testbed/jest-config');

module.exports = defineJestConfig();
