// Unit tests: how zod's issues become the `errors` of a 400 problem — one entry per field,
// dotted paths, one entry per unknown field. See docs/express-api.md.
import { z } from 'zod';
import { ValidationError } from '../../src/http/errors';
import { parse, parseId } from '../../src/http/validate';

const schema = z.strictObject({ name: z.string(), address: z.object({ city: z.string() }) });

function errorsOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.errors;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('parse', () => {
  it('returns the parsed value when it is valid', () => {
    expect(parse(schema, { name: 'A', address: { city: 'B' } })).toEqual({
      name: 'A',
      address: { city: 'B' },
    });
  });

  it('lists every invalid field with a dotted path', () => {
    const errors = errorsOf(() => parse(schema, { name: 1, address: { city: 2 } }));

    expect(errors?.map((error) => error.path)).toEqual(['name', 'address.city']);
  });

  it('lists each unknown field by name', () => {
    const errors = errorsOf(() => parse(schema, { name: 'A', address: { city: 'B' }, x: 1, y: 2 }));

    expect(errors).toEqual([
      { path: 'x', message: 'Unknown field.' },
      { path: 'y', message: 'Unknown field.' },
    ]);
  });

  it('gives an empty path when the body is not an object', () => {
    expect(errorsOf(() => parse(schema, []))).toEqual([{ path: '', message: expect.any(String) }]);
  });
});

describe('parseId', () => {
  it('accepts any UUID and refuses anything else with an error on id', () => {
    expect(parseId('00000000-0000-0000-0000-000000000000')).toBe(
      '00000000-0000-0000-0000-000000000000',
    );
    expect(errorsOf(() => parseId('42'))).toEqual([{ path: 'id', message: 'Must be a UUID.' }]);
  });
});
