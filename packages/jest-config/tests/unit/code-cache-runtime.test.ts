// The custom runtime leans on Jest 30's internals. Beside another major it must step aside,
// loudly, rather than break a run in ways nobody would trace to it (docs/toolchain.md).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNTIME = join(__dirname, '..', '..', 'code-cache-runtime.js');

/**
 * Loads the runtime in a new Node process whose working folder (a package being tested, as
 * Jest starts its workers) has `jest` at `version`; answers the exported class's name and
 * what the process printed to stderr.
 */
function loadRuntimeBeside(jestVersion: string) {
  const project = mkdtempSync(join(tmpdir(), 'jest-config-runtime-'));
  try {
    const jestFolder = join(project, 'node_modules', 'jest');
    mkdirSync(jestFolder, { recursive: true });
    writeFileSync(
      join(jestFolder, 'package.json'),
      JSON.stringify({ name: 'jest', version: jestVersion }),
    );
    const script = `process.stdout.write(require(${JSON.stringify(RUNTIME)}).name)`;
    const child = spawnSync(process.execPath, ['-e', script], { cwd: project, encoding: 'utf8' });
    return { exported: child.stdout, stderr: child.stderr };
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

it('shares compiled modules beside the Jest major it was written for, silently', () => {
  const loaded = loadRuntimeBeside('30.5.2');

  expect(loaded).toEqual({ exported: 'CachingRuntime', stderr: '' });
});

it('hands Jest its own runtime beside another major, and says so with what it found', () => {
  const loaded = loadRuntimeBeside('31.0.0');

  expect(loaded.exported).toBe('Runtime');
  expect(loaded.stderr).toContain(
    'code-cache-runtime.js was written for Jest 30 and found jest 31',
  );
  expect(loaded.stderr).toContain("using Jest's own runtime instead");
});
