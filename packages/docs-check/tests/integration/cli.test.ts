// Integration test: the CLI as `pnpm check` and `pnpm fix` run it, in a throwaway repository.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const cli = join(__dirname, '../../src/cli.ts');
// Resolved here: the CLI runs in a folder that has no node_modules.
const tsx = pathToFileURL(require.resolve('tsx')).href;
let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'docs-check-'));
  mkdirSync(join(root, 'docs'));
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'pnpm-workspace.yaml'), 'packages: []\n');
  writeFileSync(join(root, 'src/a.ts'), '// #region a\nfresh();\n// #endregion\n');
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', tsx, cli, ...args], {
    cwd: join(root, 'docs'),
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout };
}

it('prints each problem and exits 1', () => {
  writeFileSync(join(root, 'README.md'), '# Root\n\n[gone](docs/gone.md)\n');

  const { status, stdout } = run();

  expect(stdout).toBe(
    'README.md:3: broken link docs/gone.md (no such file)\ndocs-check: 1 problem(s)\n',
  );
  expect(status).toBe(1);
});

it('with --fix rewrites stale excerpts, then passes', () => {
  writeFileSync(join(root, 'README.md'), '<!-- excerpt: src/a.ts#a -->\n```ts\nold();\n```\n');

  const { status, stdout } = run('--fix');

  expect(stdout).toBe('rewrote stale excerpts in README.md\n');
  expect(status).toBe(0);
  expect(readFileSync(join(root, 'README.md'), 'utf8')).toBe(
    '<!-- excerpt: src/a.ts#a -->\n```ts\nfresh();\n```\n',
  );
});
