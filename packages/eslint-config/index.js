// @ts-check
import js from '@eslint/js';
import jest from 'eslint-plugin-jest';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The whole repo's lint rules. A package's eslint.config.mjs is one line:
 * `export default defineConfig(import.meta.dirname)`.
 *
 * @param {string} tsconfigRootDir the package folder, for type-aware rules
 */
export function defineConfig(tsconfigRootDir) {
  return tseslint.config(
    { ignores: ['dist/**', 'coverage/**', 'reports/**', '.stryker-tmp/**'] },
    js.configs.recommended,
    ...tseslint.configs.strictTypeChecked,
    ...tseslint.configs.stylisticTypeChecked,
    {
      languageOptions: {
        globals: globals.node,
        parserOptions: { projectService: true, tsconfigRootDir },
      },
      rules: {
        '@typescript-eslint/consistent-type-imports': 'error',
        '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
        '@typescript-eslint/no-confusing-void-expression': [
          'error',
          { ignoreArrowShorthand: true },
        ],
        // Configuration is read in one place (config.ts), so a test can pass its own.
        'no-restricted-properties': [
          'error',
          { object: 'process', property: 'env', message: 'Read configuration in config.ts.' },
        ],
      },
    },
    {
      files: [
        '**/config.ts',
        '**/*.config.ts',
        'bench/**',
        'tests/**',
        'src/jest/**',
        'src/vitest/**',
      ],
      rules: { 'no-restricted-properties': 'off' },
    },
    // The toolchain's own JavaScript (configs, the Jest runtime, scripts): the recommended
    // rules, without the type-aware ones, which would read every untyped `require` as `any`.
    // Its types are checked by `tsc` instead, file by file where it says `// @ts-check`.
    {
      files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
      ...tseslint.configs.disableTypeChecked,
    },
    {
      files: ['**/*.js', '**/*.cjs'],
      languageOptions: { sourceType: 'commonjs' },
      rules: { '@typescript-eslint/no-require-imports': 'off' },
    },
    testRules(['tests/**']),
  );
}

/**
 * The rules for test code: eslint-plugin-jest's recommended set (no conditional expect, no
 * focused or disabled test left behind, a test that asserts). For `tests/**` in every package,
 * and for test code kept elsewhere, such as the shared contract suites.
 *
 * @param {string[]} files
 * @returns {import('eslint').Linter.Config}
 */
export function testRules(files) {
  return {
    files,
    ...jest.configs['flat/recommended'],
    rules: {
      ...jest.configs['flat/recommended'].rules,
      'jest/no-focused-tests': 'error',
      'jest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*'] }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // expect.any() and friends are typed `any` by @types/jest.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  };
}
