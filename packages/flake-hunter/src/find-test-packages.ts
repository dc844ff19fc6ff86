import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface TestPackage {
  name: string;
  dir: string;
  /** The package's own Jest, run directly: no turbo, so no cache. */
  jestBin: string;
}

const run = promisify(execFile);
const ROOT = join(__dirname, '../../..');

export interface WorkspacePackage {
  name: string;
  path: string;
}

/** Every package of the workspace, the root included, as pnpm lists them. */
export async function listWorkspace(): Promise<WorkspacePackage[]> {
  const { stdout } = await run('pnpm', ['ls', '-r', '--depth', '-1', '--json'], { cwd: ROOT });
  return JSON.parse(stdout) as WorkspacePackage[];
}

/** The packages with a `test` script and their own Jest; `only` narrows them by name. */
export function findTestPackages(listed: WorkspacePackage[], only?: string[]): TestPackage[] {
  const packages = listed.flatMap(({ name, path }) => {
    const manifest = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')) as {
      scripts?: Record<string, string>;
    };
    const jestBin = join(path, 'node_modules/jest/bin/jest.js');
    const hasSuite = manifest.scripts?.test !== undefined && existsSync(jestBin);
    return hasSuite ? [{ name, dir: path, jestBin }] : [];
  });
  const unknown = only?.filter((name) => !packages.some((pkg) => pkg.name === name)) ?? [];
  if (unknown.length > 0) throw new Error(`no Jest suite in: ${unknown.join(', ')}`);
  return only ? packages.filter((pkg) => only.includes(pkg.name)) : packages;
}
