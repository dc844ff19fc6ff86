// Unit tests: how schema failures become the contract's `errors` entries, on plain inputs.
// See docs/fastify-api.md.
import { z } from 'zod';
import { toFieldErrors } from '../../src/http/validation-errors';
import { createValidationError } from '../helpers/zod-validation';

const schema = z.strictObject({
  email: z.string(),
  address: z.strictObject({ city: z.string() }).optional(),
});

describe('toFieldErrors', () => {
  it('names each invalid field by its dotted path', () => {
    const errors = toFieldErrors(createValidationError(schema, { email: 1, address: {} }));

    expect(errors).toEqual([
      { path: 'email', message: expect.any(String) },
      { path: 'address.city', message: expect.any(String) },
    ]);
  });

  it('gives one entry per unknown field, at its own path', () => {
    const errors = toFieldErrors(createValidationError(schema, { email: 'a', extra: 1, more: 2 }));

    expect(errors).toEqual([
      { path: 'extra', message: 'Unknown field.' },
      { path: 'more', message: 'Unknown field.' },
    ]);
  });

  // No request body of the API nests an object today; one that does keeps the full path.
  it('gives an unknown field inside a nested object its full path', () => {
    const errors = toFieldErrors(
      createValidationError(schema, { email: 'a', address: { city: 'Oslo', zip: 1 } }),
    );

    expect(errors).toEqual([{ path: 'address.zip', message: 'Unknown field.' }]);
  });

  it('says a field is invalid when the validator gave no message', () => {
    const [error] = createValidationError(schema, { email: 1 });
    const withoutMessage = { ...error!, message: undefined };

    expect(toFieldErrors([withoutMessage])).toEqual([{ path: 'email', message: 'Is invalid.' }]);
  });

  it('reports a body that is not an object at the empty path', () => {
    expect(toFieldErrors(createValidationError(schema, [1, 2]))).toEqual([
      { path: '', message: expect.any(String) },
    ]);
  });
});
