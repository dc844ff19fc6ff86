// @ts-check
/**
 * Which source file each mutant is in, read from the sandbox's instrumented code: every mutant
 * is switched on by a call `stryMutAct_9fa48("<id>")` in its own file. The mutants of one module
 * tend to be caught by the same tests, so killers and covering tests are looked up by the active
 * mutant's module (bail.cjs, covering-files.cjs).
 */
const { readdirSync, readFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const SWITCH = /stryMutAct_9fa48\("(\d+)"\)/g;
const CODE = /\.[cm]?[jt]sx?$/;
// Stryker's workers run in the sandbox, where the package's mutated code is under src/.
const ROOT = join(process.cwd(), 'src');

/** @param {string} dir @param {Map<string, string>} into */
function scan(dir, into) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) scan(path, into);
    else if (CODE.test(entry.name))
      for (const [, id] of readFileSync(path, 'utf8').matchAll(SWITCH))
        if (id !== undefined) into.set(id, relative(ROOT, path));
  }
}

/** @type {Map<string, string> | undefined} */
let sources;

/** @param {string} mutant @returns {string | undefined} its file, relative to src/ */
function sourceOf(mutant) {
  if (!sources) {
    sources = new Map();
    try {
      scan(ROOT, sources);
    } catch {
      // No src/ folder here (not a sandbox): nothing is looked up by module.
    }
  }
  return sources.get(mutant);
}

module.exports = { sourceOf };
