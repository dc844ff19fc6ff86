// Unit test: what a repository gets from an INSERT or UPDATE … RETURNING. A statement that
// returned no row is an error there and then, not an undefined passed on. See docs/fastify-api.md.
import { onlyRow } from '../../src/db/database';

describe('onlyRow', () => {
  it('gives the row the statement returned', () => {
    const row = { id: 'a' };

    expect(onlyRow([row])).toBe(row);
  });

  it('throws when the statement returned no row', () => {
    expect(() => onlyRow([])).toThrow('The statement returned no row.');
  });
});
