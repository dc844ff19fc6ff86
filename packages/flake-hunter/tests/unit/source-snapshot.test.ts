// Unit tests of telling edits made during a hunt from flakes (README.md).
import { changedFiles } from '../../src/source-snapshot';

describe('changedFiles', () => {
  it('lists added, removed and modified files relative to the root, and no others', () => {
    const before = new Map([
      ['/repo/a/kept.ts', 1],
      ['/repo/a/edited.ts', 1],
      ['/repo/a/removed.ts', 1],
    ]);
    const after = new Map([
      ['/repo/a/kept.ts', 1],
      ['/repo/a/edited.ts', 2],
      ['/repo/a/added.ts', 3],
    ]);

    expect(changedFiles(before, after, '/repo')).toEqual([
      'a/added.ts',
      'a/edited.ts',
      'a/removed.ts',
    ]);
  });
});
