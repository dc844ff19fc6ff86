// Unit test, no database: what an incremental run keeps of the committed baseline.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forgetUnsettledStaticMutants } from '../../src/baseline';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'baseline-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const mutant = (id: string, status: string, isStatic: boolean) => ({
  id,
  status,
  static: isStatic,
});

describe('forgetUnsettledStaticMutants', () => {
  it('drops the static mutants that were not killed, so they run again, and keeps the rest', () => {
    const path = join(dir, 'stryker-incremental.json');
    const statuses = ['Killed', 'Ignored', 'Survived', 'NoCoverage', 'Timeout', 'RuntimeError'];
    const mutants = statuses.flatMap((status) => [
      mutant(`static ${status}`, status, true),
      mutant(status, status, false),
    ]);
    writeFileSync(path, JSON.stringify({ schemaVersion: '2', files: { 'src/a.ts': { mutants } } }));

    const dropped = forgetUnsettledStaticMutants(path);

    const kept = JSON.parse(readFileSync(path, 'utf8')) as {
      schemaVersion: string;
      files: Record<string, { mutants: { id: string }[] }>;
    };
    expect(dropped).toBe(4);
    expect(kept.schemaVersion).toBe('2');
    expect(kept.files['src/a.ts']?.mutants.map(({ id }) => id)).toEqual([
      'static Killed',
      'Killed',
      'static Ignored',
      'Ignored',
      'Survived',
      'NoCoverage',
      'Timeout',
      'RuntimeError',
    ]);
  });
});
