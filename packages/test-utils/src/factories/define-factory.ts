import { createSequence, type Sequence } from './sequence';

export interface Factory<Attributes, Saved> {
  /** Attributes only, nothing written: for request bodies and unit tests. */
  build(overrides?: Partial<Attributes>): Attributes;
  /** Written through `persist` (a repository, an API call) and returned as saved. */
  create(overrides?: Partial<Attributes>): Promise<Saved>;
  createMany(count: number, overrides?: Partial<Attributes>): Promise<Saved[]>;
}

export interface FactoryDefinition<Attributes, Saved> {
  defaults(sequence: Sequence): Attributes;
  persist(attributes: Attributes): Promise<Saved>;
  sequence?: Sequence;
}

/**
 * A test-data factory: valid defaults with unique values, overridden per test with only what
 * the test is about, so a reader sees what matters: `users.create({ role: 'admin' })`.
 */
export function defineFactory<Attributes extends object, Saved>(
  definition: FactoryDefinition<Attributes, Saved>,
): Factory<Attributes, Saved> {
  const sequence = definition.sequence ?? createSequence();
  const build = (overrides: Partial<Attributes> = {}) => ({
    ...definition.defaults(sequence),
    ...overrides,
  });
  const create = (overrides?: Partial<Attributes>) => definition.persist(build(overrides));
  return {
    build,
    create,
    // One after another: parallel inserts would make the order of createdAt a coin toss.
    createMany: async (count, overrides) => {
      const saved: Saved[] = [];
      for (let i = 0; i < count; i += 1) saved.push(await create(overrides));
      return saved;
    },
  };
}
