// Unit test: the app's .env.example lists every variable the app reads, and nothing else, so
// the file a newcomer copies is never behind the code (docs/fastify-api.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENV_VARIABLES } from '../../src/config';

const example = readFileSync(join(__dirname, '..', '..', '.env.example'), 'utf8');

it('lists every variable the app reads in .env.example, each once, and no other', () => {
  const listed = [...example.matchAll(/^# ([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]);

  expect([...listed].sort()).toEqual([...ENV_VARIABLES].sort());
});
