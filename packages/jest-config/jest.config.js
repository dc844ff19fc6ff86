// @ts-check
const { defineJestConfig } = require('./index.js');

// The preset tests itself: its runtime is the one these tests run in.
module.exports = defineJestConfig({ collectCoverageFrom: ['*.js', '!jest.config.js'] });
