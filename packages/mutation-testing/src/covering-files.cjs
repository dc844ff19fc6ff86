// @ts-check
/**
 * Which test files reach each mutant, learnt in Stryker's first (coverage) run and read by the
 * Jest `filter` in every mutant's run, so Jest loads only those files. Stryker's Jest runner
 * passes Jest the covering tests by name only; every other file in the package would still be
 * loaded, with the app's modules, to find no test to run (most of a mutant's time).
 *
 * The coverage run also notes how long each file took, for the order of a mutant's files
 * (killers-first-sequencer.cjs).
 *
 * Kept in a file in the sandbox: the worker that ran the coverage run writes it, all read it.
 */
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { activeMutant } = require('./bail.cjs');

const FILE = join(process.cwd(), '.stryker-covering-files.json');

/** @type {Map<string, Set<string>>} mutant id → the test files that reached it */
const learnt = new Map();
/** @type {Record<string, number>} test file → milliseconds it took in the coverage run */
const durations = {};

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
  writeFileSync(FILE, JSON.stringify({ files: Object.fromEntries(entries), durations }));
}

/** @typedef {{ files: Record<string, string[]>, durations: Record<string, number> }} Saved */
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

module.exports = filter;
module.exports.learn = learn;
module.exports.timed = timed;
module.exports.save = save;
/** @param {string} file @returns {number | undefined} its time in the coverage run */
module.exports.duration = (file) => read()?.durations[file];
