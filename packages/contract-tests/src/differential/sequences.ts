import fc from 'fast-check';
import { flowStep, signedIn } from './flow-steps';
import { hostile } from './hostile-steps';
import { ACTORS, type Step } from './steps';

/**
 * A sequence: some actors registered, verified and signed in first (one of them perhaps made
 * an admin), so that the generated steps after it reach the signed-in and admin routes too;
 * then a few steps, now and then a hostile one. Shrinking drops actors and steps alike.
 */
export const stepSequence: fc.Arbitrary<Step[]> = fc
  .tuple(
    fc.subarray([...ACTORS]),
    fc.option(fc.constantFrom(...ACTORS), { freq: 2 }),
    fc.array(
      fc.oneof({ weight: 3, arbitrary: flowStep }, { weight: 2, arbitrary: hostile(flowStep) }),
      { minLength: 1, maxLength: 8 },
    ),
  )
  .map(([ready, admin, steps]) => [
    ...ready.flatMap(signedIn),
    ...(admin !== null && ready.includes(admin)
      ? [{ kind: 'promote' as const, actor: admin }]
      : []),
    ...steps,
  ]);
