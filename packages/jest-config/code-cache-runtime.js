// @ts-check
/**
 * Jest's runtime, plus a V8 code cache shared by the test files that one worker runs.
 *
 * Jest gives every test file a fresh module registry, so each file compiles TypeORM, zod,
 * Express… again from source: measured here, a fifth of an app's test time. The compiled
 * code does not depend on the registry, so this runtime keeps V8's code cache for each module
 * source it has seen and hands it back the next time the same source is compiled. Modules
 * still run afresh in every file, so isolation between test files is unchanged. V8 checks the
 * cache against the source and ignores it if they differ.
 */
const vm = require('node:vm');
const Runtime = require('jest-runtime').default;

/** @type {Map<string, { source: string, cachedData: Buffer }>} */
const codeCache = new Map();
const compileFunction = vm.compileFunction;

/** @type {typeof vm.compileFunction} */
function compileFunctionWithCodeCache(source, params, options = {}) {
  const key = options.filename;
  const cached = key === undefined ? undefined : codeCache.get(key);
  if (cached?.source === source) {
    return compileFunction(source, params, { ...options, cachedData: cached.cachedData });
  }
  const compiled = compileFunction(source, params, { ...options, produceCachedData: true });
  /** @type {{ cachedData?: Buffer }} */
  const produced = compiled;
  if (key !== undefined && produced.cachedData) {
    codeCache.set(key, { source, cachedData: produced.cachedData });
  }
  return compiled;
}

// jest-runtime compiles every module through vm.compileFunction; this module is loaded once
// per worker process, by Jest, only when a project names it as its `runtime`.
vm.compileFunction = compileFunctionWithCodeCache;

module.exports = Runtime;
