import { join } from 'node:path';

const root = join(__dirname, '../../..');

/** What `pnpm test:mutation` mutates: each package's stryker.config.mjs says which files. */
export const TARGETS = {
  'express-api': join(root, 'apps/express-api'),
  'fastify-api': join(root, 'apps/fastify-api'),
  'test-utils': join(root, 'packages/test-utils'),
} as const;

export type TargetName = keyof typeof TARGETS;

export const isTarget = (name: string): name is TargetName => Object.hasOwn(TARGETS, name);
