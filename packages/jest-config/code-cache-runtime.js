// @ts-check
/**
 * Jest's runtime, plus two caches shared by the test files that one worker runs.
 *
 * Jest gives every test file a fresh module registry and a fresh vm context, so each file
 * reads, compiles and runs TypeORM, zod, Express… again. Running them again is what keeps
 * test files isolated; reading and compiling them again is not, so this runtime does both
 * once per worker (measured on each app's suite: 20–25 % less CPU than with a V8 code cache
 * alone, and a third less memory):
 *
 * - Compiled code. Each module is compiled once, as a vm.Script holding Jest's module
 *   wrapper function, and that script is run in every test file's context. Running it only
 *   creates the wrapper function in that context; calling it (Jest does, per file) runs the
 *   module afresh, with that file's globals (Error, Array, Promise… of its own realm), so no
 *   module state and no object crosses from one file to another. V8 shares only the
 *   bytecode, including that of functions compiled lazily while an earlier file ran.
 *   A module whose source could call `import()` is compiled Jest's way, with a V8 code
 *   cache, because Jest ties the import callback to the compiling file's context.
 * - Sources. Jest would read every module from disk again for every file; they are read
 *   once per worker instead. A run therefore does not see a file edited while it runs, so
 *   watch mode, whose worker outlives a run, keeps Jest's per-file reads.
 *
 * What it does not do: hand one file the modules another file ran (their exports). That would
 * save more, but each file has its own realm, so an Error, Date or class made by a shared
 * module fails `instanceof` in the app's code and in Jest's matchers (the apps' error handlers
 * check `error instanceof Error`), and TypeORM and reflect-metadata keep state on the global
 * object.
 */
const vm = require('node:vm');
const Runtime = require('jest-runtime').default;

// This file leans on Jest's internals: the runtime's constructor arguments, the sources map it
// is handed, and jest-runtime compiling through vm.compileFunction. They are Jest 30's; another
// major may change any of them, and the failures would not point here. With another major
// installed, Jest gets its own runtime back, and the run says so once per worker.
const WRITTEN_FOR_MAJOR = 30;

/** @param {string} from a folder whose `jest` (or the runtime itself) to look at */
function installedMajors(from) {
  /** @type {Record<string, number>} */
  const majors = {
    'jest-runtime': Number(require('jest-runtime/package.json').version.split('.')[0]),
  };
  try {
    const jestPackage = require.resolve('jest/package.json', { paths: [from] });
    /** @type {{ version: string }} */
    const { version } = require(jestPackage);
    majors.jest = Number(version.split('.')[0]);
  } catch {
    // No `jest` resolvable from here (a runner started some other way): the runtime decides.
  }
  return majors;
}

const compileFunction = vm.compileFunction;

/** @type {Map<string, { source: string, cachedData: Buffer }>} */
const codeCache = new Map();

/**
 * Jest's own way, plus V8's code cache for each module source already seen.
 * @type {typeof vm.compileFunction}
 */
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

// Also matches `import(` in strings and comments: those modules merely take the slower path.
const DYNAMIC_IMPORT = /\bimport\s*\(/;
// The options Jest passes; anything else is compiled as asked, by Node.
const SCRIPT_OPTIONS = new Set(['filename', 'parsingContext', 'importModuleDynamically']);

/** @type {Map<string, { source: string, params: string, script: vm.Script | undefined }>} */
const scripts = new Map();
// V8's coverage counts blocks in bytecode compiled while it is on; shared bytecode would
// report other files' runs, or none. Set by the runtime for each test file.
let shareScripts = true;

/** @type {typeof vm.compileFunction} */
function compileOnce(source, params = [], options = {}) {
  const { filename, parsingContext } = options;
  if (
    !shareScripts ||
    filename === undefined ||
    parsingContext === undefined ||
    !Object.keys(options).every((name) => SCRIPT_OPTIONS.has(name))
  ) {
    return compileFunctionWithCodeCache(source, params, options);
  }
  const joined = params.join(', ');
  let entry = scripts.get(filename);
  if (!entry || entry.source !== source || entry.params !== joined) {
    const shareable = !source.startsWith('#!') && !DYNAMIC_IMPORT.test(source);
    // The wrapper gets a line of its own and lineOffset -1, so stack traces and source maps
    // see the module's own lines and columns.
    const script = shareable
      ? new vm.Script(`(function (${joined}) {\n${source}\n})`, { filename, lineOffset: -1 })
      : undefined;
    entry = { source, params: joined, script };
    scripts.set(filename, entry);
  }
  if (!entry.script) return compileFunctionWithCodeCache(source, params, options);
  return entry.script.runInContext(parsingContext);
}

/**
 * Module sources by path, kept for the worker: Jest clears them after each test file (and on
 * jest.resetModules(), which is about module registries, not files on disk).
 */
class WorkerSources extends Map {
  /** @override */
  clear() {
    // Kept: see above.
  }
}
const workerSources = new WorkerSources();

class CachingRuntime extends Runtime {
  /** @param {ConstructorParameters<typeof Runtime>} args */
  constructor(...args) {
    const [config, environment, resolver, transformer, cacheFS, coverage, testPath, globalConfig] =
      args;
    shareScripts = !(coverage.collectCoverage && coverage.coverageProvider === 'v8');
    let sources = cacheFS;
    if (!globalConfig?.watch && !globalConfig?.watchAll) {
      // Jest's map holds the test file, just read: keep it fresh.
      for (const [path, source] of cacheFS) workerSources.set(path, source);
      sources = workerSources;
    }
    super(config, environment, resolver, transformer, sources, coverage, testPath, globalConfig);
  }
}

const unsupported = Object.entries(installedMajors(process.cwd())).filter(
  ([, major]) => major !== WRITTEN_FOR_MAJOR,
);
if (unsupported.length === 0) {
  // jest-runtime compiles every module through vm.compileFunction; this module is loaded once
  // per worker process, by Jest, only when a project names it as its `runtime`.
  vm.compileFunction = compileOnce;
  module.exports = CachingRuntime;
} else {
  const found = unsupported.map(([name, major]) => `${name} ${major}`).join(', ');
  process.emitWarning(
    `@testbed/jest-config: code-cache-runtime.js was written for Jest ${WRITTEN_FOR_MAJOR} and found ${found}; ` +
      "using Jest's own runtime instead (correct, without the shared compile cache). " +
      'Check the runtime against the new version, then raise WRITTEN_FOR_MAJOR.',
    { code: 'TESTBED_JEST_RUNTIME' },
  );
  module.exports = Runtime;
}
