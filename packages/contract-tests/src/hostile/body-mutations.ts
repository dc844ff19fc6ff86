import fc from 'fast-check';
import { hostileKey, hostileValue, objectWith } from './json-values';
import { hostileString } from './strings';

export type BodyMutation =
  | { kind: 'set'; field: string; value: unknown }
  | { kind: 'drop'; field: string }
  | { kind: 'replace-body'; value: unknown };

/**
 * Changes to a valid body: a field given a hostile value (a wrong type, a huge or unicode
 * string, a nested object), a field dropped, an extra field, or a body that is not an object.
 * Starting from a valid body keeps the other fields valid, so each change is what is tested.
 */
export function bodyMutations(fields: readonly string[]): fc.Arbitrary<BodyMutation[]> {
  const ownField = fc.constantFrom(...fields);
  const set = (field: fc.Arbitrary<string>, value: fc.Arbitrary<unknown>) =>
    fc.record({ kind: fc.constant('set' as const), field, value });
  // Mostly a string where a string goes, since that is what reaches the database.
  const change = fc.oneof(
    { weight: 3, arbitrary: set(ownField, hostileString) },
    { weight: 2, arbitrary: set(fc.oneof(ownField, hostileKey), hostileValue) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const), field: ownField }) },
  );
  return fc.oneof(
    { weight: 4, arbitrary: fc.array(change, { minLength: 1, maxLength: 3 }) },
    {
      weight: 1,
      arbitrary: hostileValue.map((value) => [{ kind: 'replace-body' as const, value }]),
    },
  );
}

export function applyMutations(
  valid: Record<string, unknown>,
  mutations: readonly BodyMutation[],
): unknown {
  let entries = Object.entries(valid);
  for (const mutation of mutations) {
    if (mutation.kind === 'replace-body') return mutation.value;
    entries = entries.filter(([key]) => key !== mutation.field);
    if (mutation.kind === 'set') entries.push([mutation.field, mutation.value]);
  }
  return objectWith(entries);
}
