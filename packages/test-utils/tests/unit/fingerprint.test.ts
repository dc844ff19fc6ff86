// Unit tests on real files in a temporary folder, no database: the fingerprint names the template
// database, so it must change exactly when a migration does. See docs/test-database.md.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fingerprintFiles } from '../../src';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A folder holding these files, written in the order given. */
function migrations(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'testbed-fingerprint-'));
  folders.push(folder);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), content);
  }
  return folder;
}

describe('fingerprintFiles', () => {
  it('is twelve hex characters', () => {
    expect(fingerprintFiles(migrations({ '0001.sql': 'CREATE TABLE a ()' }))).toMatch(
      /^[0-9a-f]{12}$/,
    );
  });

  it('is the same for the same files, whatever order they were written in', () => {
    const files = { '0001.sql': 'CREATE TABLE a ()', '0002.sql': 'CREATE TABLE b ()' };
    const reversed = { '0002.sql': files['0002.sql'], '0001.sql': files['0001.sql'] };

    expect(fingerprintFiles(migrations(reversed))).toBe(fingerprintFiles(migrations(files)));
  });

  it.each([
    ['a changed migration', { '0001.sql': 'CREATE TABLE a (id int)' }],
    ['a renamed migration', { '0001_a.sql': 'CREATE TABLE a ()' }],
    ['where the name ends and the contents begin moved', { '0001.sqlC': 'REATE TABLE a ()' }],
  ])('changes with %s', (_change, changed) => {
    const original = { '0001.sql': 'CREATE TABLE a ()' };

    expect(fingerprintFiles(migrations(changed))).not.toBe(fingerprintFiles(migrations(original)));
  });

  it('changes with a migration changed in a subfolder', () => {
    const before = migrations({ 'users/0001.sql': 'CREATE TABLE a ()' });
    const after = migrations({ 'users/0001.sql': 'CREATE TABLE a (id int)' });

    expect(fingerprintFiles(after)).not.toBe(fingerprintFiles(before));
  });

  it('changes when the end of one file moves into the next', () => {
    const two = migrations({ '0001.sql': 'x', '0002.sql': 'y' });
    // The same bytes as the two files' names and contents, run together into one file.
    const one = migrations({ '0001.sql': 'x0002.sql\0y' });

    expect(fingerprintFiles(one)).not.toBe(fingerprintFiles(two));
  });

  it('covers every folder it is given', () => {
    const schema = migrations({ '0001.sql': 'CREATE TABLE a ()' });

    expect(fingerprintFiles(schema, migrations({ 'seed.sql': 'INSERT 1' }))).not.toBe(
      fingerprintFiles(schema, migrations({ 'seed.sql': 'INSERT 2' })),
    );
  });
});
