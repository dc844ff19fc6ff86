// Unit tests: the short diff a stale excerpt is reported with (packages/docs-check/README.md).
import { lineDiff } from '../../src/line-diff';

describe('lineDiff', () => {
  it('shows only the lines that differ, removed before added', () => {
    expect(lineDiff(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd', 'e'])).toEqual([
      '- b',
      '+ x',
      '+ e',
    ]);
  });

  it('is empty for equal lines', () => {
    expect(lineDiff(['a', 'b'], ['a', 'b'])).toEqual([]);
  });

  it('stops after the limit and counts the rest', () => {
    expect(lineDiff(['1', '2', '3'], [], 2)).toEqual(['- 1', '- 2', '… 1 more']);
  });
});
