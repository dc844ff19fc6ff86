// @ts-check
/**
 * Each undetected mutant as soon as it is tested, in the package's reports/mutation/survivors.txt.
 * A full run takes long and Stryker's own reporters list survivors only at its end; with this
 * file open, the tests they call for can be written while the run goes on.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { declareClassPlugin, PluginKind } from '@stryker-mutator/api/plugin';

/** @typedef {import('@stryker-mutator/api/core').MutantResult} MutantResult */

const FOLDER = 'reports/mutation';
const FILE = `${FOLDER}/survivors.txt`;
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

class SurvivorsReporter {
  static inject = /** @type {const} */ ([]);

  constructor() {
    mkdirSync(FOLDER, { recursive: true });
    writeFileSync(FILE, '');
  }

  /** @param {Readonly<MutantResult>} mutant */
  onMutantTested(mutant) {
    if (!UNDETECTED.has(mutant.status)) return;
    // The whole span replaced, not only where it starts: nested mutants start at the same
    // place (`a && b && c` forced to `true`, and its `a && b`), and read the same on the `+` line.
    const { start, end } = mutant.location;
    const span = `${start.line}:${start.column}-${end.line}:${end.column}`;
    const where = `${relative(process.cwd(), mutant.fileName)}:${span}`;
    const kind = `${mutant.mutatorName}${mutant.static ? ', static' : ''}`;
    const tests = mutant.coveredBy?.length ?? 0;
    appendFileSync(
      FILE,
      `${mutant.status} ${where} (${kind}, ${tests} tests)\n  + ${mutant.replacement ?? ''}\n`,
    );
  }
}

export const strykerPlugins = [
  declareClassPlugin(PluginKind.Reporter, 'survivors', SurvivorsReporter),
];
