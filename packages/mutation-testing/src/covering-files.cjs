// @ts-check
/**
 * Which test files reach each mutant, learnt in Stryker's first (coverage) run and read by the
 * Jest `filter` in every mutant's run, so Jest loads only those files. Stryker's Jest runner
 * passes Jest the covering tests by name only; every other file in the package would still be
 * loaded, with the app's modules, to find no test to run (most of a mutant's time).
 *
 * Kept in a file in the sandbox: the worker that ran the coverage run writes it, all read it.
 */
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { activeMutant } = require('./bail.cjs');

const FILE = join(process.cwd(), '.stryker-covering-files.json');
const EVERY_FILE = '*';

/** @type {Map<string, Set<string>>} mutant id → test files, or EVERY_FILE for a static one */
const learnt = new Map();

/** @param {string} mutant @param {string} file */
function learn(mutant, file) {
  const files = learnt.get(mutant) ?? new Set();
  files.add(file);
  learnt.set(mutant, files);
}

function save() {
  const entries = [...learnt].map(([mutant, files]) => [mutant, [...files]]);
  writeFileSync(FILE, JSON.stringify(Object.fromEntries(entries)));
}

/** @type {Record<string, string[]> | undefined} */
let saved;

/**
 * Jest's `filter`: the files that cover the active mutant; all files outside a mutant's run,
 * or for a mutant that runs at module load (static), whose coverage no single test owns.
 *
 * @param {string[]} testPaths
 */
async function filter(testPaths) {
  const active = activeMutant();
  saved ??=
    active !== undefined && existsSync(FILE) ? JSON.parse(readFileSync(FILE, 'utf8')) : undefined;
  const files = active === undefined ? undefined : saved?.[active];
  const wanted = files === undefined || files.includes(EVERY_FILE) ? testPaths : files;
  return { filtered: testPaths.filter((path) => wanted.includes(path)) };
}

module.exports = filter;
module.exports.learn = learn;
module.exports.save = save;
module.exports.EVERY_FILE = EVERY_FILE;
