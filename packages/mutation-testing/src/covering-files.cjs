// @ts-check
/**
 * Which test files reach each mutant, learnt in Stryker's first (coverage) run and read by the
 * Jest `filter` in every mutant's run, so Jest loads only those files. Stryker's Jest runner
 * passes Jest the covering tests by name only; every other file in the package would still be
 * loaded, with the app's modules, to find no test to run (most of a mutant's time).
 *
 * The coverage run also notes how long each file took, and which source files each test reached
 * (in the test, not as its file loaded), for the order of a mutant's files and tests
 * (killers-first-sequencer.cjs, typescript-environment.cjs).
 *
 * Kept in a file in the sandbox: the worker that ran the coverage run writes it, all read it.
 */
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { activeMutant, activeSource } = require('./bail.cjs');
const { sourceOf } = require('./mutant-sources.cjs');

const FILE = join(process.cwd(), '.stryker-covering-files.json');

/** @type {Map<string, Set<string>>} mutant id → the test files that reached it */
const learnt = new Map();
/** @type {Record<string, number>} test file → milliseconds it took in the coverage run */
const durations = {};

/** @type {string[]} the source files tests reached, numbered for `reachedBy` */
const sources = [];
/** @type {Record<string, Record<string, number[]>>} test file → test path → sources it reached */
const reachedBy = {};

/**
 * @param {string} file
 * @param {string} test its path in the file (describe blocks' names and its own)
 * @param {string[]} mutants those the test reached
 */
function learnTest(file, test, mutants) {
  const reached = new Set();
  for (const mutant of mutants) {
    const source = sourceOf(mutant);
    if (source === undefined) continue;
    if (!sources.includes(source)) sources.push(source);
    reached.add(sources.indexOf(source));
  }
  (reachedBy[file] ??= {})[test] = [...reached];
}

/** @param {string} mutant @param {string} file */
function learn(mutant, file) {
  const files = learnt.get(mutant) ?? new Set();
  files.add(file);
  learnt.set(mutant, files);
}

/** @param {string} file @param {number} milliseconds */
function timed(file, milliseconds) {
  durations[file] = milliseconds;
}

function save() {
  const entries = [...learnt].map(([mutant, files]) => [mutant, [...files]]);
  writeFileSync(
    FILE,
    JSON.stringify({ files: Object.fromEntries(entries), durations, sources, reachedBy }),
  );
}

/**
 * @typedef {{
 *   files: Record<string, string[]>,
 *   durations: Record<string, number>,
 *   sources: string[],
 *   reachedBy: Record<string, Record<string, number[]>>,
 * }} Saved
 */
/** @type {Saved | undefined} */
let saved;

/** What the coverage run saved; nothing before it has. */
function read() {
  saved ??= existsSync(FILE)
    ? /** @type {Saved} */ (JSON.parse(readFileSync(FILE, 'utf8')))
    : undefined;
  return saved;
}

/**
 * Jest's `filter`: the files that reached the active mutant, in a test or (a static mutant) as
 * they loaded; all files outside a mutant's run, or for a mutant no file was seen to reach.
 *
 * @param {string[]} testPaths
 */
async function filter(testPaths) {
  const active = activeMutant();
  const files = active === undefined ? undefined : read()?.files[active];
  const wanted = files ?? testPaths;
  return { filtered: testPaths.filter((path) => wanted.includes(path)) };
}

/** @type {Map<string, string[]>} */
const testsReachingCache = new Map();

/**
 * The tests of `file` that reached code in the active mutant's source file in the coverage run:
 * for a static mutant (which Stryker runs with every test of the files that loaded it), the
 * likeliest to catch it.
 *
 * @param {string} file
 * @returns {string[]} their paths in the file
 */
function testsReachingActiveSource(file) {
  const source = activeSource();
  const saved = read();
  if (source === undefined || !saved?.reachedBy) return [];
  const key = `${file}\u0000${source}`;
  const cached = testsReachingCache.get(key);
  if (cached) return cached;
  const index = saved.sources.indexOf(source);
  const tests = Object.entries(saved.reachedBy[file] ?? {})
    .filter(([, reached]) => reached.includes(index))
    .map(([test]) => test);
  testsReachingCache.set(key, tests);
  return tests;
}

module.exports = filter;
module.exports.learn = learn;
module.exports.learnTest = learnTest;
module.exports.testsReachingActiveSource = testsReachingActiveSource;
module.exports.timed = timed;
module.exports.save = save;
/** @param {string} file @returns {number | undefined} its time in the coverage run */
module.exports.duration = (file) => read()?.durations[file];
