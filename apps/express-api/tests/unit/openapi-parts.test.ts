// Unit tests: the builders of the OpenAPI document, with no server. See docs/express-api.md.
import { z } from 'zod';
import { input, output } from '../../src/openapi/openapi.parts';

describe('OpenAPI schema builders', () => {
  // Today's request bodies have no defaults, so the served document looks the same either way:
  // only a schema that has one shows which side of it a builder describes.
  it('describes a request body as the client writes it, a field with a default left optional', () => {
    const schema = z.object({ role: z.enum(['user', 'admin']).default('user') });

    expect(input(schema)).not.toHaveProperty('required');
    expect(output(schema)).toHaveProperty('required', ['role']);
  });
});
