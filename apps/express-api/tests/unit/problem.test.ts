// Unit test: the problem+json body every error response carries (RFC 9457), for a status Node
// has no phrase for: a library may throw any 4xx. See docs/api-contract.md.
import { problem } from '../../src/http/problem';

describe('problem', () => {
  it('titles a status without a registered phrase "Error"', () => {
    const body = problem(499, 'The client went away.');

    expect(body).toEqual({
      type: 'about:blank',
      title: 'Error',
      status: 499,
      detail: 'The client went away.',
    });
  });
});
